package io.lumbar.relevance;

import io.lumbar.cli.Backend;
import io.lumbar.config.CommandContext;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.scratch.ScratchFolder;
import io.lumbar.search.FusionWeights;
import io.lumbar.search.QueryVectors;
import io.lumbar.search.SearchFeatures;
import io.lumbar.search.SearchService;
import io.lumbar.semantic.EmbeddingWorker;
import io.lumbar.semantic.PassageVectors;
import io.lumbar.semantic.Semantic;
import io.lumbar.semantic.TextEmbedder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar eval FILE}: scores Lumbar's search on a judged query file, beside plain Lucene and
 * MariaDB FULLTEXT over the same published passages, with the rules of score.py. Builds its own
 * index from the database in a scratch folder, so it runs beside a live server.
 */
@Command(
    name = "eval",
    description = {
      "Score search relevance (nDCG@10, MRR@10) on a judged query file, beside baselines:",
      "Lumbar hybrid (lumbar), lexical only (lumbar-lexical), meaning only (lumbar-dense),",
      "Lucene BM25 with StandardAnalyzer and EnglishAnalyzer, and MariaDB MATCH ... AGAINST."
    })
public final class EvalCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "Query file shaped like shared/eval/dev-queries.json.")
  Path file;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "Score a running server's /api/search instead, printing what score.py prints.")
  String url;

  @Option(names = "--no-baselines", description = "Score Lumbar only.")
  boolean noBaselines;

  @Option(
      names = "--ablation",
      description = "Also score Lumbar with each ranking feature switched off in turn.")
  boolean ablation;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description =
          "Evaluate on another corpus: a scratch database (<database>_eval, recreated) gets the bundled articles, "
              + "then every article under DIR/articles.")
  Path corpus;

  @Option(
      names = "--corpus-split",
      paramLabel = "SPLIT[,SPLIT]",
      split = ",",
      description =
          "With --corpus: import only the articles whose labels carry one of these splits (beside the "
              + "bundled ones, as a fresh server given one batch holds them).")
  Set<String> corpusSplits = new java.util.LinkedHashSet<>();

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      description =
          "Only the queries with this \"split\" (any the file uses: tune, test, fresh, ...).")
  String split;

  @Option(
      names = "--fusion",
      paramLabel = "FLOOR,SPAN,WEIGHT|FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE",
      description =
          "Also score hybrid ranking with these fusion settings (repeatable), for tuning; "
              + "\"lumbar\" itself runs with LUMBAR_FUSION, as the server does.")
  List<String> fusions = new ArrayList<>();

  @Option(
      names = "--semantic-variants",
      description = "Also score the query vectors without bge's query instruction.")
  boolean semanticVariants;

  @Option(
      names = "--timed-rounds",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Extra passes over the queries to time each ranker (default: ${DEFAULT-VALUE}).")
  int timedRounds;

  @Override
  public Integer call() {
    if (timedRounds < 0 || timedRounds > 1000) {
      throw new IllegalArgumentException("--timed-rounds must be between 0 and 1000");
    }
    PrintWriter out = spec.commandLine().getOut();
    QuerySet set = QuerySet.read(file, io.lumbar.web.Json.mapper());
    if (url != null) {
      try (Ranker server = new HttpRanker(url, io.lumbar.web.Json.mapper())) {
        Evaluation.printLikeScorePy(out, set, Evaluation.run(server, set));
      }
      return 0;
    }
    if (!corpusSplits.isEmpty() && corpus == null) {
      throw new IllegalArgumentException("--corpus-split needs --corpus");
    }
    // Checked before any import or embedding, and whether or not semantic search loads.
    List<FusionWeights> fusionWeights = fusions.stream().map(EvalCommand::fusionSettings).toList();
    set = set.only(split);
    try (ScratchCorpus scratch = corpus == null ? null : ScratchCorpus.start(parent.config());
        Backend backend =
            Backend.open(scratch == null ? parent.config() : scratch.config(), false)) {
      if (scratch != null || parent.config().importSamples()) {
        backend.importSampleCorpusIfEmpty();
      }
      if (corpus != null) {
        ScratchCorpus.importArticles(
            backend.database(), corpus, corpusSplits, spec.commandLine().getErr());
      }
      Semantic semantic = backend.semantic().load();
      semantic
          .embedder()
          .ifPresent(embedder -> embedAll(embedder, backend, spec.commandLine().getErr()));
      List<Ranker> rankers = new ArrayList<>();
      List<Evaluation.Result> results;
      // Its own index, rebuilt from the database: a server on the configured index may be running.
      Path indexDir = ScratchFolder.create("lumbar-eval-index");
      try (PassageIndex index = PassageIndex.open(indexDir, backend.analysis().indexAnalyzer())) {
        int passages;
        long rebuildStarted = System.nanoTime();
        try (var follower =
            Indexing.follower(
                index,
                backend.database(),
                semantic.embedder().isPresent() ? semantic.vectorModel() : null)) {
          passages = follower.rebuild(count -> {});
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
        spec.commandLine()
            .getErr()
            .printf(
                Locale.ROOT,
                "index: %d passages rebuilt from the database in %.2f s (%.0f passages/s)%n",
                passages,
                rebuildSeconds,
                passages / rebuildSeconds);
        if (passages == 0) {
          throw new IllegalStateException("No published passages to search: import articles first");
        }
        var vectors = semantic.queryVectors();
        SearchService lexical = new SearchService(index, backend.vocabulary());
        if (vectors.isPresent()) {
          rankers.add(
              new LumbarRanker(
                  "lumbar",
                  SearchService.hybrid(
                      index, backend.vocabulary(), vectors.get(), backend.fusion())));
          rankers.add(new LumbarRanker("lumbar-lexical", lexical));
          rankers.add(new DenseRanker("lumbar-dense", index, vectors.get()));
          for (int i = 0; i < fusions.size(); i++) {
            rankers.add(
                new LumbarRanker(
                    "lumbar" + fusions.get(i),
                    SearchService.hybrid(
                        index, backend.vocabulary(), vectors.get(), fusionWeights.get(i))));
          }
          if (semanticVariants) {
            TextEmbedder embedder = semantic.embedder().orElseThrow();
            // A query embedded as a passage without context is: without bge's query instruction.
            QueryVectors plain = query -> embedder.passage(null, List.of(), null, query);
            rankers.add(
                new LumbarRanker(
                    "lumbar-noinstr",
                    SearchService.hybrid(index, backend.vocabulary(), plain, backend.fusion())));
            rankers.add(new DenseRanker("dense-noinstr", index, plain));
          }
        } else {
          rankers.add(new LumbarRanker("lumbar", lexical));
        }
        if (ablation) {
          for (var variant : ablations().entrySet()) {
            rankers.add(
                new LumbarRanker(
                    "lumbar" + variant.getKey(),
                    new SearchService(index, backend.vocabulary(), variant.getValue())));
          }
        }
        if (!noBaselines) {
          List<String> texts = PublishedTexts.load(backend.database());
          rankers.add(new LuceneBaseline("lucene-standard", new StandardAnalyzer(), texts));
          rankers.add(new LuceneBaseline("lucene-english", new EnglishAnalyzer(), texts));
          rankers.add(new FulltextBaseline(backend.database()));
        }
        // All at once, so every ranker is warm before any is timed (Evaluation.WARM_UP_NANOS).
        results = Evaluation.run(rankers, set, timedRounds);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        rankers.forEach(Ranker::close);
        ScratchFolder.delete(indexDir);
      }
      Evaluation.printTable(out, set, results);
      out.flush();
      return 0;
    }
  }

  /** Every variant of the server's ranking with exactly one feature off, named by the feature. */
  private static Map<String, SearchFeatures> ablations() {
    Map<String, SearchFeatures> variants = new LinkedHashMap<>();
    variants.put("-synonyms", new SearchFeatures(false, true, true, true, true, true, true, true));
    variants.put("-exact", new SearchFeatures(true, false, true, true, true, true, true, true));
    variants.put("-heading", new SearchFeatures(true, true, false, true, true, true, true, true));
    variants.put("-proximity", new SearchFeatures(true, true, true, false, true, true, true, true));
    variants.put("-tags", new SearchFeatures(true, true, true, true, false, true, true, true));
    variants.put("-typos", new SearchFeatures(true, true, true, true, true, false, true, true));
    variants.put("-facets", new SearchFeatures(true, true, true, true, true, true, false, true));
    variants.put("-snippets", new SearchFeatures(true, true, true, true, true, true, true, false));
    return variants;
  }

  /**
   * Every published passage gets its vector before the index is built (stored, so a second run is
   * quick).
   */
  private static void embedAll(TextEmbedder embedder, Backend backend, PrintWriter err) {
    EmbeddingWorker worker =
        new EmbeddingWorker(embedder, new PassageVectors(backend.database(), embedder.name()));
    long started = System.nanoTime();
    int embedded = worker.drain();
    if (embedded > 0) {
      err.printf(
          Locale.ROOT,
          "embedding: %d passages in %.1f s (%.1f ms per passage, model only)%n",
          embedded,
          (System.nanoTime() - started) / 1e9,
          worker.millisPerPassage());
    }
  }

  /**
   * Six numbers as LUMBAR_FUSION takes them, or three (FLOOR,SPAN,WEIGHT): one weight whether or
   * not the sides agree.
   */
  private static FusionWeights fusionSettings(String text) {
    String[] parts = text.split(",", -1);
    try {
      return FusionWeights.parse(
          parts.length == 3
              ? String.join(",", parts[0], parts[1], parts[2], parts[2], "-1", "-1")
              : text);
    } catch (IllegalArgumentException e) {
      // One message for every form, naming what was given and why it was refused.
      throw new IllegalArgumentException(
          "--fusion takes three numbers FLOOR,SPAN,WEIGHT or six"
              + " FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE, got '"
              + text
              + "' ("
              + e.getMessage()
              + ")");
    }
  }
}
