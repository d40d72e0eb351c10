package io.lumbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives a running server over loopback: C clients, each sending one request at a time (keep-alive
 * connections), mixing search, suggest, passage reads and small filtered exports, while an editor
 * re-saves passages through the console and index rebuilds run. Counts every answer per endpoint;
 * anything but 2xx/3xx, and any I/O error or timeout, is an error.
 */
final class LoadGenerator {
  /** What the readers ask for, with their share of the requests. */
  enum Endpoint {
    SEARCH("search", 50),
    SUGGEST("suggest", 25),
    PASSAGE("passage", 20),
    EXPORT("export", 5),
    EDIT("console save", 0),
    /** The reference: what the server answers when it does nothing but answer. */
    HEALTH("health", 0);

    final String label;
    final int weight;

    Endpoint(String label, int weight) {
      this.label = label;
      this.weight = weight;
    }
  }

  /** Counts and latencies of one endpoint. */
  static final class Stats {
    final Histogram micros = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder ioErrors = new LongAdder();

    long errors() {
      return clientErrors.sum() + serverErrors.sum() + ioErrors.sum();
    }

    void record(int status, long nanos) {
      micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
      if (status >= 500) {
        serverErrors.increment();
      } else if (status >= 400) {
        clientErrors.increment();
      }
    }
  }

  /** Requests the readers choose from, found by searching the server at the start. */
  record Targets(
      List<String> queries, List<String> prefixes, List<Long> passageIds, List<String> exports) {}

  /**
   * What the readers send: the mix of every endpoint, searches only, or {@code /health} only (the
   * same server's throughput without work, the reference searches are compared with).
   */
  enum Readers {
    ALL,
    SEARCH,
    HEALTH
  }

  /** One rebuild during the run. */
  record Rebuild(double startedAtSeconds, double seconds, String state, String message) {}

  static final long HIGHEST_MICROS = 600_000_000L;
  private static final long EDIT_PAUSE_MILLIS = 250;
  private static final long HEAP_EVERY_MILLIS = 5_000;

  private final URI base;
  private final ObjectMapper json;
  private final HttpClient http;
  private final Optional<String> metricsToken;
  final Map<Endpoint, Stats> stats = new EnumMap<>(Endpoint.class);
  final List<Rebuild> rebuilds = new CopyOnWriteArrayList<>();
  final List<String> firstErrors = new CopyOnWriteArrayList<>();
  final HeapSamples heap = new HeapSamples();

  /**
   * The server's process on this machine, to ask for full collections before comparing heaps
   * (soak).
   */
  private final Optional<Long> fullGcPid;

  private static final long FULL_GC_BASELINE_NANOS = 60_000_000_000L;

  LoadGenerator(URI base, ObjectMapper json, Optional<String> metricsToken) {
    this(base, json, metricsToken, Optional.empty());
  }

  LoadGenerator(
      URI base, ObjectMapper json, Optional<String> metricsToken, Optional<Long> fullGcPid) {
    this.fullGcPid = fullGcPid;
    this.base = base;
    this.json = json;
    this.metricsToken = metricsToken;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (Endpoint e : Endpoint.values()) {
      stats.put(e, new Stats());
    }
  }

  /**
   * Searches every query once and keeps the passages, articles and causes found, for reads and
   * exports.
   */
  Targets discover(List<String> queries) throws IOException, InterruptedException {
    Set<Long> ids = new LinkedHashSet<>();
    Set<String> exports = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    Set<Long> articles = new LinkedHashSet<>();
    for (String q : queries) {
      HttpResponse<String> answer =
          http.send(
              request("/api/search?limit=10&q=" + encode(q)), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "Search answered " + answer.statusCode() + " at " + base + ": is it a Lumbar server?");
      }
      for (JsonNode hit : json.readTree(answer.body()).path("results")) {
        ids.add(hit.path("id").asLong());
        articles.add(hit.path("articleId").asLong());
        for (JsonNode cause : hit.path("causes")) {
          exports.add(
              "/api/export?format=jsonl&article="
                  + hit.path("articleId").asLong()
                  + "&cause="
                  + encode(cause.path("slug").asText()));
        }
      }
      String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
      String last = words[words.length - 1];
      if (last.length() >= 3) {
        words[words.length - 1] = last.substring(0, 3 + (last.length() - 3) / 2);
        prefixes.add(String.join(" ", words));
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException(
          "No published passages found at " + base + ": nothing to read");
    }
    if (exports.isEmpty()) {
      articles.forEach(article -> exports.add("/api/export?format=jsonl&article=" + article));
    }
    return new Targets(queries, List.copyOf(prefixes), List.copyOf(ids), List.copyOf(exports));
  }

  /**
   * Runs the readers for {@code warmup} then {@code seconds} (only the latter is counted), sending
   * what {@code readers} says with the search queries of {@code queries}; the editor and the
   * rebuilds when {@code console} is given, and the heap readings. Returns when every thread has
   * stopped.
   */
  void run(
      Targets targets,
      QueryStream queries,
      Readers readers,
      int clients,
      double warmup,
      double seconds,
      long seed,
      ConsoleClient console,
      int rebuildCount)
      throws InterruptedException {
    long start = System.nanoTime() + (long) (warmup * 1e9);
    long end = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random random = new Random(seed * 1_000 + c);
      threads.add(
          Thread.ofPlatform()
              .name("load-client-" + c)
              .start(() -> readLoop(targets, queries, readers, random, start, end)));
    }
    if (readers != Readers.HEALTH) {
      // The reference run's heap is not the one the load is judged by.
      threads.add(Thread.ofPlatform().name("load-heap").start(() -> heapLoop(start, end)));
    }
    if (console != null) {
      Random random = new Random(seed);
      threads.add(
          Thread.ofPlatform()
              .name("load-editor")
              .start(() -> editLoop(console, targets, random, start, end)));
      threads.add(
          Thread.ofPlatform()
              .name("load-reindex")
              .start(() -> rebuildLoop(console, rebuildCount, start, end)));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * One client: one request at a time on its own kept-alive connection, read by a bare HTTP/1.1
   * client ({@link KeepAliveHttp}), so that the load costs the cores it shares with the server
   * little.
   */
  private void readLoop(
      Targets targets, QueryStream queries, Readers readers, Random random, long start, long end) {
    int total = 0;
    for (Endpoint e : Endpoint.values()) {
      total += e.weight;
    }
    try (KeepAliveHttp connection = new KeepAliveHttp(base.getHost(), port())) {
      while (System.nanoTime() < end) {
        Endpoint endpoint =
            switch (readers) {
              case ALL -> draw(random, total);
              case SEARCH -> Endpoint.SEARCH;
              case HEALTH -> Endpoint.HEALTH;
            };
        if (!read(connection, targets, queries, endpoint, random, start)) {
          return;
        }
      }
    }
  }

  private static Endpoint draw(Random random, int total) {
    int draw = random.nextInt(total);
    for (Endpoint e : Endpoint.values()) {
      if (draw < e.weight) {
        return e;
      }
      draw -= e.weight;
    }
    return Endpoint.SEARCH;
  }

  private int port() {
    return base.getPort() > 0 ? base.getPort() : 80;
  }

  /** Sends one request of {@code endpoint} and counts its answer; false when interrupted. */
  private boolean read(
      KeepAliveHttp connection,
      Targets targets,
      QueryStream queries,
      Endpoint endpoint,
      Random random,
      long start) {
    String path =
        switch (endpoint) {
          case HEALTH -> "/health";
          case SEARCH -> "/api/search?q=" + encode(queries.next(random));
          case SUGGEST ->
              "/api/suggest?q="
                  + encode(
                      pick(
                          targets.prefixes().isEmpty() ? targets.queries() : targets.prefixes(),
                          random));
          case PASSAGE -> "/api/passages/" + pick(targets.passageIds(), random);
          case EXPORT, EDIT -> pick(targets.exports(), random);
        };
    long sent = System.nanoTime();
    try {
      KeepAliveHttp.Response answer = connection.get(base.getRawPath().replaceAll("/$", "") + path);
      count(endpoint, sent, start, answer.status(), path);
    } catch (IOException e) {
      countIo(endpoint, sent, start, path, e);
    }
    return !Thread.currentThread().isInterrupted();
  }

  /**
   * An editor opening a passage and saving it, a few times a second, through the console's forms.
   */
  private void editLoop(
      ConsoleClient console, Targets targets, Random random, long start, long end) {
    while (System.nanoTime() < end) {
      long id = pick(targets.passageIds(), random);
      long sent = System.nanoTime();
      try {
        ConsoleClient.Answer answer = console.resave(id);
        count(
            Endpoint.EDIT,
            sent,
            start,
            answer.status() == 302 ? 302 : Math.max(answer.status(), 400),
            "save of passage " + id);
        Thread.sleep(EDIT_PAUSE_MILLIS);
      } catch (IOException e) {
        countIo(Endpoint.EDIT, sent, start, "save of passage " + id, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Rebuilds evenly spread over the measured time; the next starts when the last has finished. */
  private void rebuildLoop(ConsoleClient console, int count, long start, long end) {
    for (int i = 1; i <= count; i++) {
      long at = start + (end - start) * i / (count + 1);
      try {
        sleepUntil(at);
        if (System.nanoTime() >= end) {
          return;
        }
        long began = System.nanoTime();
        long job = console.startReindex();
        JsonNode state = console.job(job);
        while (state.path("state").asText().equals("running")) {
          Thread.sleep(200);
          state = console.job(job);
        }
        rebuilds.add(
            new Rebuild(
                (began - start) / 1e9,
                (System.nanoTime() - began) / 1e9,
                state.path("state").asText(),
                state.path("message").asText()));
      } catch (IOException | RuntimeException e) {
        rebuilds.add(
            new Rebuild(
                (System.nanoTime() - start) / 1e9, 0, "error", String.valueOf(e.getMessage())));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void heapLoop(long start, long end) {
    try {
      sleepUntil(start);
      boolean baselineTaken = false;
      while (System.nanoTime() < end) {
        readHeap(start).ifPresent(heap::add);
        // After a minute of load (a third of a shorter run) the caches have filled: the baseline
        // the
        // end is compared with.
        if (!baselineTaken
            && fullGcPid.isPresent()
            && System.nanoTime() - start >= Math.min(FULL_GC_BASELINE_NANOS, (end - start) / 3)) {
          heapAfterFullGc(start);
          baselineTaken = true;
        }
        Thread.sleep(
            Math.min(HEAP_EVERY_MILLIS, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
      }
      if (baselineTaken) {
        heapAfterFullGc(start);
      }
    } catch (IOException e) {
      firstError("heap readings stopped: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks the server's JVM for a full collection (jcmd GC.run), then reads the heap it left in use.
   */
  private void heapAfterFullGc(long start) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc =
        new ProcessBuilder(jcmd.toString(), Long.toString(fullGcPid.orElseThrow()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || gc.exitValue() != 0) {
      gc.destroyForcibly();
      throw new IOException("jcmd " + fullGcPid.orElseThrow() + " GC.run failed");
    }
    readHeap(start).ifPresent(heap::addAfterFullGc);
  }

  /** The server's heap now, from {@code /metrics}; empty when it would not say. */
  private Optional<HeapSamples.Sample> readHeap(long start)
      throws IOException, InterruptedException {
    HttpResponse<String> metrics =
        http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString());
    return metrics.statusCode() == 200
        ? Optional.of(HeapSamples.parse((System.nanoTime() - start) / 1e9, metrics.body()))
        : Optional.empty();
  }

  private void count(Endpoint endpoint, long sent, long start, int status, String what) {
    if (sent >= start) {
      stats.get(endpoint).record(status, System.nanoTime() - sent);
      if (status >= 400) {
        firstError(endpoint.label + " " + what + " answered " + status);
      }
    }
  }

  private void countIo(Endpoint endpoint, long sent, long start, String what, IOException e) {
    if (sent >= start) {
      stats.get(endpoint).ioErrors.increment();
      firstError(endpoint.label + " " + what + ": " + e);
    }
  }

  private void firstError(String line) {
    if (firstErrors.size() < 10) {
      firstErrors.add(line);
    }
  }

  private HttpRequest request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    if (path.equals("/metrics")) {
      metricsToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    }
    return builder.build();
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left = nanos - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }
}
