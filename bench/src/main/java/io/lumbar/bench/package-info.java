/**
 * Benchmarks and load: a deterministic synthetic corpus ({@code SyntheticCorpus}, {@code
 * CorpusLoader}, the {@code generate} command), Lumbar against raw Lucene and MariaDB full-text
 * ({@code Benchmark}, the {@code bench} command, its report and plot), and the load generator
 * ({@code LoadGenerator}, the {@code load} command). Not used by the server; results in
 * BENCHMARKS.md.
 *
 * <p>May depend on {@code server/} (it starts the real server), {@code cli/}, {@code config/} and
 * the features it measures.
 */
package io.lumbar.bench;
