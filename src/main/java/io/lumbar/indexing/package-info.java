/**
 * The one owner of the Lucene index. {@link io.lumbar.indexing.PassageIndex} holds the IndexWriter
 * and the SearcherManager; {@link io.lumbar.indexing.PassageFields} and {@code PassageDocuments}
 * say what each field is for; {@link io.lumbar.indexing.ChangeLog} appends to and reads {@code
 * index_changes}; {@link io.lumbar.indexing.IndexFollower} replays it into the index (and rebuilds
 * whole generations, {@code IndexGeneration}, {@code ParallelIndexer}, {@code IndexSource}); {@code
 * IndexCheck} compares index and database ({@code lumbar check}, {@code /api/admin/check}); {@code
 * IndexMetrics} publishes index gauges. {@link io.lumbar.indexing.TaggedPassageReader} is the one
 * streamed reader of passages with their article and tags (the rebuild's and the export's), and
 * {@link io.lumbar.indexing.TagRef} the one tag reference every reader of passages shows.
 *
 * <p>Entry points: {@code Indexing.follower}, {@code PassageIndex.open}, {@code ChangeLog.append},
 * {@code TaggedPassageReader.stream}. Public for embedding callers (bench/'s Lucene-alone lane),
 * and used the same way by the rebuild itself: {@code IndexSource.streamAllPublished}, {@code
 * PassageDocuments.toDocument}, {@code PassageIndex.rebuildWriterConfig} and {@code
 * PassageIndex.SIMILARITY}. May depend on {@code db/} and {@code telemetry/}; every feature that
 * changes passages appends to the change log through it.
 */
package io.lumbar.indexing;
