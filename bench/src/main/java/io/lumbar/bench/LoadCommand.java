package io.lumbar.bench;

import io.lumbar.bench.LoadGenerator.Endpoint;
import io.lumbar.bench.LoadGenerator.Stats;
import io.lumbar.config.CommandContext;
import io.lumbar.web.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar load --url URL [--connections 64] [--duration 60] [--soak] [--admin-user NAME
 * --admin-password-stdin] [--search-only] [--stream repeating|unique] [--health-reference]}: the
 * load drill against a running server. Exit code 0 when no request failed (no 4xx, 5xx or I/O
 * error; with {@code --soak} also a flat heap), 1 otherwise, 2 when it could not run.
 */
@Command(
    name = "load",
    description = {
      "Load a running server on this machine: search, suggest, passage reads and small exports from C clients for a",
      "fixed time, with an editor re-saving passages through the console and index rebuilds (given an admin user).",
      "Prints throughput, p50/p99/max and errors per endpoint, and the server's heap every 5 s."
    })
public final class LoadCommand implements Callable<Integer> {
  private static final int SOAK_SECONDS = 600;

  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:7070",
      description = "The server (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--connections",
      defaultValue = "64",
      description = "Concurrent clients, one request at a time each (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Measured time (default: 60, or 600 with --soak).")
  Integer duration;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Load before measuring, not counted (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(
      names = "--soak",
      description =
          "Ten minutes; also compares the heap of the first and the last minute (fails if it grew).")
  boolean soak;

  @Option(
      names = "--admin-user",
      paramLabel = "NAME",
      description = "An admin of the server: enables the editor and the rebuilds.")
  String adminUser;

  @Option(
      names = "--admin-password-stdin",
      description = "Read the admin's password from the first line of standard input.")
  boolean passwordFromStdin;

  @Option(
      names = "--reindexes",
      defaultValue = "2",
      description =
          "Index rebuilds spread over the run (default: ${DEFAULT-VALUE}; needs --admin-user).")
  int reindexes;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "Search queries, one a line or an eval .json (default: the benchmark's mix).")
  Path queries;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the clients' choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--search-only",
      description = "Every reader request is a search (no suggest, passage reads or exports).")
  boolean searchOnly;

  @Option(
      names = "--stream",
      paramLabel = "repeating|unique",
      defaultValue = "repeating",
      description =
          "Search queries drawn from the mix (repeating), or never the same twice: each a query of the mix with "
              + "two words of the bundled articles, from a place drawn for each run (unique). Default: ${DEFAULT-VALUE}.")
  String stream;

  @Option(
      names = "--health-reference",
      description =
          "Then the same connections for the same time on /health only: what the same server answers when a "
              + "request does no work; prints searches per second as a share of it.")
  boolean healthReference;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path out;

  @Option(
      names = "--server-pid",
      paramLabel = "PID",
      description =
          "The server's process on this machine: the heap is "
              + "also read after a full collection (jcmd GC.run) after the first minute and at the end, and with --soak "
              + "those two decide whether it stayed flat.")
  Long serverPid;

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || connections > 1_000) {
      throw new IllegalArgumentException("--connections must be between 1 and 1000");
    }
    int seconds = duration != null ? duration : soak ? SOAK_SECONDS : 60;
    if (seconds < 1) {
      throw new IllegalArgumentException("--duration must be at least 1 second");
    }
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    // A load drill is for a server on this machine, never someone else's.
    if (base.getHost() == null
        || !java.net.InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "--url must point at this machine (localhost, 127.0.0.1 or [::1]), got " + url);
    }
    PrintWriter print = spec.commandLine().getOut();
    var json = Json.mapper();
    if (serverPid != null && ProcessHandle.of(serverPid).isEmpty()) {
      throw new IllegalArgumentException(
          "--server-pid " + serverPid + " is not a process on this machine");
    }
    if (serverPid != null
        && !Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jcmd"))) {
      throw new IllegalArgumentException("--server-pid needs a JDK with jcmd, not only a runtime");
    }
    LoadGenerator load =
        new LoadGenerator(
            base, json, parent.config().metricsToken(), Optional.ofNullable(serverPid));
    ConsoleClient console = null;
    if (adminUser != null) {
      if (!passwordFromStdin) {
        throw new IllegalArgumentException(
            "--admin-user needs --admin-password-stdin (the password on the first line of standard input)");
      }
      String password =
          new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8))
              .readLine();
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("No password on standard input");
      }
      console = new ConsoleClient(base, json);
      console.signIn(adminUser, password);
    }
    if (!stream.equals("repeating") && !stream.equals("unique")) {
      throw new IllegalArgumentException(
          "--stream must be repeating or unique, got '" + stream + "'");
    }
    List<String> mix = queries == null ? QueryMix.bundled(json) : QueryMix.fromFile(queries, json);
    LoadGenerator.Targets targets = load.discover(mix);
    QueryStream searches =
        stream.equals("unique")
            ? QueryStream.unique(mix, QueryStream.bundledWords(BundledLanguage.load(json)))
            : QueryStream.repeating(mix);
    print.printf(
        "load: %s, %d connections, %d s measured after %.0f s of warm-up, seed %d; %s, %s queries from %d, %d passages, %d exports%s%n",
        base,
        connections,
        seconds,
        warmup,
        seed,
        searchOnly ? "searches only" : "search, suggest, passages and exports",
        searches.name(),
        targets.queries().size(),
        targets.passageIds().size(),
        targets.exports().size(),
        console == null
            ? "; no editor or rebuilds (no --admin-user)"
            : "; editor and " + reindexes + " rebuilds as " + adminUser);
    print.flush();
    load.run(
        targets,
        searches,
        searchOnly ? LoadGenerator.Readers.SEARCH : LoadGenerator.Readers.ALL,
        connections,
        warmup,
        seconds,
        seed,
        console,
        reindexes);
    if (healthReference) {
      print.printf("reference: /health only, %d connections, %d s%n", connections, seconds);
      print.flush();
      load.run(
          targets,
          searches,
          LoadGenerator.Readers.HEALTH,
          connections,
          Math.min(warmup, 2),
          seconds,
          seed,
          null,
          0);
    }

    print.println(
        "| endpoint | requests | per second | p50 ms | p99 ms | max ms | 4xx | 5xx | I/O errors |");
    print.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Histogram reads = new Histogram(LoadGenerator.HIGHEST_MICROS, 3);
    long errors = 0;
    long serverErrors = 0;
    Map<String, Object> figures = new LinkedHashMap<>();
    for (Endpoint e : Endpoint.values()) {
      Stats s = load.stats.get(e);
      if (e == Endpoint.HEALTH ? !healthReference : searchOnly && e != Endpoint.SEARCH) {
        continue;
      }
      if (e != Endpoint.EDIT && e != Endpoint.HEALTH) {
        reads.add(s.micros);
      }
      errors += s.errors();
      serverErrors += s.serverErrors.sum();
      figures.put(
          e.label,
          row(
              print,
              e.label,
              s.micros,
              seconds,
              s.clientErrors.sum(),
              s.serverErrors.sum(),
              s.ioErrors.sum()));
    }
    figures.put("all reads", row(print, "all reads", reads, seconds, -1, -1, -1));
    if (healthReference) {
      double share =
          load.stats.get(Endpoint.SEARCH).micros.getTotalCount()
              / (double) Math.max(1, load.stats.get(Endpoint.HEALTH).micros.getTotalCount());
      print.printf(
          "searches per second as a share of /health's: %.0f %%%s%n",
          100 * share,
          searchOnly ? "" : " (searches are only part of the mix; use --search-only to compare)");
      figures.put("searchShareOfHealth", share);
    }
    figures.put("stream", searches.name());
    figures.put("searchOnly", searchOnly);
    for (LoadGenerator.Rebuild r : load.rebuilds) {
      print.printf(
          "rebuild: started at %.0f s, %s after %.1f s: %s%n",
          r.startedAtSeconds(), r.state(), r.seconds(), r.message());
      if (!r.state().equals("done")) {
        errors++;
      }
    }
    if (console != null && load.rebuilds.isEmpty()) {
      print.println("rebuild: none started (the run was too short)");
    }
    print.println("heap used, MB, every 5 s: " + load.heap.series());
    HeapSamples.Verdict heap = load.heap.verdict(seconds);
    boolean heapOk = true;
    if (heap != null) {
      print.printf(
          "heap low point: first %.0f s %.0f MB, last %.0f s %.0f MB; long-lived after GC %.0f MB -> %.0f MB%n",
          Math.min(60, seconds / 3.0),
          heap.firstMinuteLowMb(),
          Math.min(60, seconds / 3.0),
          heap.lastMinuteLowMb(),
          heap.firstLiveMb(),
          heap.lastLiveMb());
      if (!Double.isNaN(heap.afterFullGcFirstMb())) {
        print.printf(
            "heap after a full GC: after the first %.0f s %.0f MB, at the end %.0f MB%n",
            Math.min(60, seconds / 3.0), heap.afterFullGcFirstMb(), heap.afterFullGcLastMb());
      }
      print.printf("heap: %s%n", heap.flat() ? "flat" : "GROWING");
      heapOk = heap.flat() || !soak;
    }
    load.firstErrors.forEach(line -> print.println("error: " + line));
    boolean pass = errors == 0 && heapOk;
    print.printf(
        "result: %d errors (%d of them 5xx)%s: %s%n",
        errors,
        serverErrors,
        heap == null ? "" : heap.flat() ? ", heap flat" : ", heap growing",
        pass ? "PASS" : "FAIL");
    if (out != null) {
      figures.put("rebuilds", load.rebuilds);
      figures.put("heapSamples", load.heap.all());
      figures.put("heapVerdict", heap);
      figures.put("pass", pass);
      write(json, figures);
    }
    return pass ? 0 : 1;
  }

  private static Map<String, Object> row(
      PrintWriter print, String label, Histogram h, int seconds, long c4, long c5, long io) {
    double p50 = h.getValueAtPercentile(50) / 1e3;
    double p99 = h.getValueAtPercentile(99) / 1e3;
    double max = h.getMaxValue() / 1e3;
    double rate = h.getTotalCount() / (double) seconds;
    print.printf(
        "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |%n",
        label,
        h.getTotalCount(),
        rate,
        p50,
        p99,
        max,
        c4 < 0 ? "" : c4,
        c5 < 0 ? "" : c5,
        io < 0 ? "" : io);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("requests", h.getTotalCount());
    row.put("perSecond", rate);
    row.put("p50Ms", p50);
    row.put("p99Ms", p99);
    row.put("maxMs", max);
    if (c4 >= 0) {
      row.put("clientErrors", c4);
      row.put("serverErrors", c5);
      row.put("ioErrors", io);
    }
    return row;
  }

  private void write(com.fasterxml.jackson.databind.ObjectMapper json, Map<String, Object> figures)
      throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
    spec.commandLine().getOut().println("figures: " + out);
  }
}
