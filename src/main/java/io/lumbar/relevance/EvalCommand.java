package io.lumbar.relevance;

import io.lumbar.App.Backend;
import io.lumbar.Main;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.SearchFeatures;
import io.lumbar.search.SearchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code lumbar eval FILE}: scores Lumbar's search on a judged query file, beside plain Lucene and MariaDB
 * FULLTEXT over the same published passages, with the rules of score.py. Builds its own in-memory index from
 * the database, so it runs beside a live server.
 */
@Command(name = "eval", description = {
    "Score search relevance (nDCG@10, MRR@10) on a judged query file, beside baselines:",
    "Lucene BM25 with StandardAnalyzer and EnglishAnalyzer, and MariaDB MATCH ... AGAINST."})
public final class EvalCommand implements Callable<Integer> {
  @ParentCommand
  Main parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Query file shaped like shared/eval/dev-queries.json.")
  Path file;

  @Option(names = "--url", paramLabel = "URL",
      description = "Score a running server's /api/search instead, printing what score.py prints.")
  String url;

  @Option(names = "--no-baselines", description = "Score Lumbar only.")
  boolean noBaselines;

  @Option(names = "--ablation", description = "Also score Lumbar with each ranking feature switched off in turn.")
  boolean ablation;

  @Option(names = "--timed-rounds", paramLabel = "N", defaultValue = "5",
      description = "Extra passes over the queries to time each ranker (default: ${DEFAULT-VALUE}).")
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
        Evaluation.printLikeScorePy(out, set, Evaluation.run(server, set, 0));
      }
      return 0;
    }
    try (Backend backend = Backend.open(parent.config(), false)) {
      if (parent.config().importSamples()) {
        backend.importSampleCorpusIfEmpty();
      }
      List<Evaluation.Result> results = new ArrayList<>();
      try (PassageIndex index = PassageIndex.inMemory(backend.analysis().indexAnalyzer())) {
        int passages;
        try (var follower = Indexing.follower(index, backend.database())) {
          passages = follower.rebuild(count -> {});
        }
        if (passages == 0) {
          throw new IllegalStateException("No published passages to search: import articles first");
        }
        try (Ranker lumbar = new LumbarRanker("lumbar", new SearchService(index, backend.vocabulary()))) {
          results.add(Evaluation.run(lumbar, set, timedRounds));
        }
        if (ablation) {
          for (var variant : SearchFeatures.ablations().entrySet()) {
            try (Ranker without = new LumbarRanker("lumbar" + variant.getKey(), new SearchService(index, backend.vocabulary(), variant.getValue()))) {
              results.add(Evaluation.run(without, set, timedRounds));
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!noBaselines) {
        List<String> texts = PublishedTexts.load(backend.database());
        for (Ranker baseline : List.of(
            new LuceneBaseline("lucene-standard", new StandardAnalyzer(), texts),
            new LuceneBaseline("lucene-english", new EnglishAnalyzer(), texts),
            new FulltextBaseline(backend.database()))) {
          try (baseline) {
            results.add(Evaluation.run(baseline, set, timedRounds));
          }
        }
      }
      Evaluation.printTable(out, set, results);
      out.flush();
      return 0;
    }
  }
}
