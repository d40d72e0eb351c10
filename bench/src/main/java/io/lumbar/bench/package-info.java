/**
 * Benchmarks and load: a deterministic synthetic corpus ({@code SyntheticCorpus}, {@code
 * CorpusLoader}, the {@code generate} command), Lumbar against raw Lucene and MariaDB full-text
 * ({@code Benchmark}, the {@code bench} command, its report and plot), the load generator ({@code
 * LoadGenerator}, the {@code load} command), and {@code BenchMain}, the bench jar's command line
 * (the product's, with these commands and relevance's added). It lives in bench/, a Maven project
 * of its own: the server's jar holds none of it. Results in BENCHMARKS.md.
 *
 * <p>Uses Lumbar only through its public classes: {@code server/} (it starts the real server),
 * {@code cli/}, {@code config/}, the features it measures, and the indexing and planning classes
 * the rebuild and the search path use themselves ({@code IndexSource}, {@code PassageDocuments},
 * {@code PassageIndex.rebuildWriterConfig}, {@code SymptomQuery}), for the Lucene-alone lane
 * ({@code LuceneAlone}). May depend on {@code relevance/} (its commands) and {@code scratch/}.
 */
package io.lumbar.bench;
