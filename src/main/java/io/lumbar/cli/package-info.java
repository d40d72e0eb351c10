/**
 * The command line's shared part and its general commands. {@link io.lumbar.cli.Backend} opens what
 * a command needs (the configured or embedded database, analysis, vocabulary, semantic search and,
 * when asked, the index with its follower) and closes it in reverse order; the server's {@code App}
 * builds on it too. Commands: {@code import}, {@code reindex}, {@code check}, {@code synonyms}. A
 * feature's own command lives in the feature ({@code accounts/UserCommand}, {@code
 * export/ExportCommand}, …) and takes a {@code CommandContext}.
 *
 * <p>May depend on the features it opens and {@code config/}. Used only from above: {@code
 * server/App}, {@code io.lumbar.Main} and the commands of {@code export/}, {@code relevance/},
 * {@code bench/}.
 */
package io.lumbar.cli;
