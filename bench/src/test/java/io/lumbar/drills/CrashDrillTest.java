package io.lumbar.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.bench.BenchMain;
import io.lumbar.bench.SyntheticCorpus;
import io.lumbar.config.Config;
import io.lumbar.importing.ArticleSplitter;
import io.lumbar.testing.CommandRunner;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.ServerProcess;
import io.lumbar.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash drill of issue 6: the real server in its own JVM is killed with SIGKILL at random
 * moments (seeded, logged) in the middle of a console import of several files, a bulk tag of every
 * published passage, and a console reindex, while an editor keeps saving passages. After each
 * restart: the consistency check finds no difference, every save the server acknowledged (302
 * "saved") is in the database and in search, every article has all its passages or does not exist,
 * and a bulk tag changed all of its passages or none.
 *
 * <p>Not part of {@code mvn verify}: {@code mvn -B -o test -Pdrills -Dtest=CrashDrillTest}, with
 * {@code -Ddrill.runs=20} (kills per phase), {@code -Ddrill.seed=N} (to repeat a drill), {@code
 * -Ddrill.phases=import,bulk,reindex}, {@code -Ddrill.passages=10000} (synthetic corpus) and {@code
 * -Ddrill.files=12} (files per import). Each phase first runs once to completion (run 0, killed
 * after it finished) to measure how long it takes; the later kills fall uniformly within that time.
 * Lines go to the console and {@code target/drills/crash-drill-SEED.txt}.
 */
@Tag("drill")
class CrashDrillTest {
  private static final int RUNS = Integer.getInteger("drill.runs", 20);
  private static final long SEED = Long.getLong("drill.seed", System.currentTimeMillis() % 100_000);
  private static final int PASSAGES = Integer.getInteger("drill.passages", 10_000);
  private static final int FILES = Integer.getInteger("drill.files", 12);
  private static final List<String> PHASES =
      List.of(System.getProperty("drill.phases", "import,bulk,reindex").split(","));

  /** Passages the editor saves per run, at most. */
  private static final int EDITS_PER_RUN = 150;

  private static final String ADMIN = "drill-admin";
  private static final String EDITOR = "drill-editor";
  private static final String PASSWORD = "a long enough drill password";
  private static final Pattern JOB = Pattern.compile("/admin/jobs/(\\d+)");
  private static final Pattern REPLAYED = Pattern.compile("Index caught up with (\\d+) changes");

  private final Random random = new Random(SEED);
  private TestDatabase db;
  private Path work;
  private ServerProcess server;
  private PrintWriter out;
  private List<Long> editable;

  /** One run: where the kill fell and what the checks after the restart found. */
  private record RunResult(String phase, int run, boolean finished, List<String> failures) {}

  @AfterEach
  void cleanUp() throws Exception {
    if (server != null) {
      server.close();
    }
    if (out != null) {
      out.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void sigkill_during_import_bulk_tag_and_reindex_loses_nothing() throws Exception {
    db = TestDatabase.create();
    work = Files.createTempDirectory("lumbar-crash-drill");
    Files.createDirectories(Path.of("target/drills"));
    Files.deleteIfExists(serverLog());
    out =
        new PrintWriter(
            Files.newBufferedWriter(
                Path.of("target/drills/crash-drill-" + SEED + ".txt"), StandardCharsets.UTF_8),
            true);
    Map<String, String> env =
        Map.of(
            "LUMBAR_DB_URL",
            db.url(),
            "LUMBAR_DB_USER",
            db.user(),
            "LUMBAR_DB_PASSWORD",
            db.password(),
            "LUMBAR_INDEX_DIR",
            work.resolve("index").toString(),
            "LUMBAR_IMPORT_SAMPLES",
            "false");
    Config config = Config.fromMap(env);
    say(
        "crash drill: seed %d, %d kills per phase after a first run to completion, phases %s, %d synthetic passages, %d files"
            + " per import; server log %s",
        SEED, RUNS, PHASES, PASSAGES, FILES, serverLog());

    CommandRunner cli = new CommandRunner(config, System.in, BenchMain::commandLine);
    assertThat(cli.run("generate", "--passages", Integer.toString(PASSAGES), "--seed", "1"))
        .as(cli.err())
        .isZero();
    ConsoleSession.createUser(config, ADMIN, PASSWORD, true);
    ConsoleSession.createUser(config, EDITOR, PASSWORD, false);
    editable = new ArrayList<>(publishedIds());
    Collections.shuffle(editable, random);
    server = ServerProcess.start(env, serverLog(), "768m");

    List<RunResult> results = new ArrayList<>();
    for (int p = 0; p < PHASES.size(); p++) {
      String name = PHASES.get(p).strip();
      long window = 0;
      for (int run = 0; run <= RUNS; run++) {
        Phase phase =
            switch (name) {
              case "import" -> new ImportPhase();
              case "bulk" -> new BulkTagPhase();
              case "reindex" -> new ReindexPhase();
              default ->
                  throw new IllegalArgumentException(
                      "Unknown drill phase " + name + ": use import, bulk or reindex");
            };
        long slice = (long) (p * (RUNS + 1) + run) * EDITS_PER_RUN;
        RunOutcome outcome =
            runOnce(phase, run, run == 0 ? -1 : (long) (random.nextDouble() * window), slice);
        if (outcome.finishedMillis() >= 0) {
          // Kills fall within the time the operation was last seen to take, so most land while it
          // runs.
          window =
              Math.max(
                  50,
                  run == 0 ? outcome.finishedMillis() : Math.min(window, outcome.finishedMillis()));
        }
        results.add(outcome.result());
      }
    }
    table(results);
    assertThat(
            results.stream()
                .flatMap(
                    r -> r.failures().stream().map(f -> r.phase() + " run " + r.run() + ": " + f))
                .toList())
        .as("failures (see target/drills/crash-drill-" + SEED + ".txt)")
        .isEmpty();
  }

  /**
   * {@code finishedMillis}: when the operation was first seen finished, -1 if it was not before the
   * kill.
   */
  private record RunOutcome(RunResult result, long finishedMillis) {}

  /**
   * Starts the operation with edits streaming, kills the server after {@code delayMillis} (-1: once
   * it finished), checks.
   */
  private RunOutcome runOnce(Phase phase, int run, long delayMillis, long editSlice)
      throws Exception {
    ConsoleSession admin = signIn(ADMIN);
    ConsoleSession editor = signIn(EDITOR);
    phase.prepare(run);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < EDITS_PER_RUN; i++) {
      ids.add(editable.get((int) ((editSlice + i) % editable.size())));
    }
    EditStream edits = new EditStream(editor, ids, "zqdrill" + phase.name().charAt(0) + run + "x");
    Thread editing = Thread.ofPlatform().name("drill-editor").start(edits);
    long started = System.nanoTime();
    phase.begin(admin);
    String progress = phase.progress(admin);
    long finishedMillis = phase.finished() ? (System.nanoTime() - started) / 1_000_000 : -1;
    while (delayMillis < 0
        ? !phase.finished()
        : System.nanoTime() - started < delayMillis * 1_000_000) {
      Thread.sleep(
          delayMillis < 0
              ? 50
              : Math.min(50, Math.max(1, delayMillis - (System.nanoTime() - started) / 1_000_000)));
      progress = phase.progress(admin);
      if (finishedMillis < 0 && phase.finished()) {
        finishedMillis = (System.nanoTime() - started) / 1_000_000;
      }
    }
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    boolean finished = phase.finished();
    edits.killed = true;
    int exit = server.kill();
    editing.join();

    long logMark = Files.size(serverLog());
    long restarting = System.nanoTime();
    server.restart();
    long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
    List<String> failures = new ArrayList<>(edits.failures);
    if (exit != ServerProcess.KILLED) {
      failures.add(
          "the server exited with " + exit + ", not " + ServerProcess.KILLED + " (SIGKILL)");
    }
    ConsoleSession checker = signIn(ADMIN);
    JsonNode check = checker.get("/api/admin/check?show=10").json();
    if (!check.path("consistent").asBoolean()) {
      failures.add("check: " + check);
    }
    int inSearch = edits.verify(checker, failures);
    String found = phase.verify(failures);
    String line =
        String.format(
            "%-7s run %2d: kill at %5d ms (%s) -> exit %d; restart %.1f s, %s changes replayed; %s;"
                + " edits acknowledged %d, in database and search %d; check %s | %s",
            phase.name(),
            run,
            elapsed,
            progress,
            exit,
            restartMillis / 1e3,
            replayed(logMark),
            found,
            edits.acknowledged.size(),
            inSearch,
            check.path("consistent").asBoolean() ? "consistent" : "DIFFERENCES",
            failures.isEmpty() ? "OK" : "FAILED: " + String.join("; ", failures));
    say("%s", line);
    return new RunOutcome(new RunResult(phase.name(), run, finished, failures), finishedMillis);
  }

  private static Path serverLog() {
    return Path.of("target/drills/crash-drill-" + SEED + "-server.log");
  }

  /**
   * How many changes the restarted server replayed from the change log, as its start-up line says.
   */
  private String replayed(long logMark) throws IOException {
    String started;
    try (var in = Files.newInputStream(serverLog())) {
      in.skipNBytes(logMark);
      started = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = REPLAYED.matcher(started);
    return m.find() ? m.group(1) : "0";
  }

  private void table(List<RunResult> results) {
    say("");
    say("| phase | runs | killed while running | killed after it finished | runs with failures |");
    say("| --- | ---: | ---: | ---: | ---: |");
    Map<String, int[]> rows = new LinkedHashMap<>();
    for (RunResult r : results) {
      int[] row = rows.computeIfAbsent(r.phase(), k -> new int[4]);
      row[0]++;
      row[r.finished() ? 2 : 1]++;
      row[3] += r.failures().isEmpty() ? 0 : 1;
    }
    rows.forEach(
        (phase, row) -> say("| %s | %d | %d | %d | %d |", phase, row[0], row[1], row[2], row[3]));
    // Ids of transactions rolled back by a kill are never used: the follower waits for each such
    // hole (see the report).
    say(
        "change log: %d changes, %d ids never used (transactions rolled back at a kill)",
        count("SELECT COUNT(*) FROM index_changes"),
        count("SELECT COALESCE(MAX(id), 0) - COUNT(*) FROM index_changes"));
    say("seed %d: repeat with -Ddrill.seed=%d", SEED, SEED);
  }

  private ConsoleSession signIn(String user) {
    ConsoleSession session = new ConsoleSession(server::uri);
    Page answer = session.login(user, PASSWORD);
    if (answer.status() != 302) {
      throw new IllegalStateException("Cannot sign in as " + user + ": " + answer.status());
    }
    return session;
  }

  private void say(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    out.println(line);
  }

  private List<Long> publishedIds() {
    return db.database()
        .read(
            c -> {
              List<Long> ids = new ArrayList<>();
              try (var rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT id FROM passages WHERE status = 'published' ORDER BY id")) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
              return ids;
            });
  }

  private String firstSlug(String sql) {
    return db.database()
        .read(
            c -> {
              try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
              }
            });
  }

  private long count(String sql, Object... params) {
    return db.database()
        .read(
            c -> {
              try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                  st.setObject(i + 1, params[i]);
                }
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  /**
   * What is killed: prepared before the run, started through the console, checked after the
   * restart.
   */
  private abstract static class Phase {
    abstract String name();

    void prepare(int run) throws IOException {}

    abstract void begin(ConsoleSession admin);

    /** Where the operation is now, e.g. {@code running 3/12}. */
    abstract String progress(ConsoleSession admin);

    abstract boolean finished();

    /**
     * Checks what the phase promises after the restart; returns what was found, for the run's line.
     */
    abstract String verify(List<String> failures);
  }

  /** A console job (import, reindex), followed through {@code /api/admin/jobs/{id}}. */
  private abstract static class JobPhase extends Phase {
    long jobId;
    volatile boolean done;

    void started(Page answer) {
      Matcher m = JOB.matcher(String.valueOf(answer.location()));
      if (answer.status() != 302 || !m.find()) {
        throw new IllegalStateException(
            name() + " did not start a job: " + answer.status() + " " + answer.body());
      }
      jobId = Long.parseLong(m.group(1));
    }

    @Override
    String progress(ConsoleSession admin) {
      try {
        JsonNode job = admin.get("/api/admin/jobs/" + jobId).json();
        done = !job.path("state").asText().equals("running");
        return job.path("state").asText()
            + " "
            + job.path("done").asLong()
            + "/"
            + job.path("total").asLong();
      } catch (RuntimeException e) {
        return "unknown (" + e.getMessage() + ")";
      }
    }

    @Override
    boolean finished() {
      return done;
    }
  }

  /** Several synthetic article files in one console import: each article whole or absent. */
  private final class ImportPhase extends JobPhase {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Integer> expected = new HashMap<>();

    @Override
    String name() {
      return "import";
    }

    @Override
    void prepare(int run) {
      Random sizes = new Random(SEED * 1_000 + run);
      var passages = new ArrayList<SyntheticCorpus.Passage>();
      SyntheticCorpus.of(FILES * 80, SEED * 1_000 + run)
          .forEach(a -> passages.addAll(a.passages()));
      int next = 0;
      for (int f = 1; f <= FILES; f++) {
        int size = 30 + sizes.nextInt(51);
        StringBuilder text =
            new StringBuilder("Drill import " + SEED + " run " + run + " file " + f + "\n\n");
        String heading = null;
        for (int i = 0; i < size; i++) {
          SyntheticCorpus.Passage passage = passages.get(next++ % passages.size());
          if (passage.heading() != null && !passage.heading().equals(heading)) {
            text.append(passage.heading()).append("\n\n");
          }
          heading = passage.heading();
          text.append(passage.text()).append("\n\n");
        }
        String fileName = "drill-" + SEED + "-r" + run + "-f" + f + ".txt";
        files.put(fileName, text.toString().getBytes(StandardCharsets.UTF_8));
        expected.put(fileName, ArticleSplitter.split(text.toString()).blocks().size());
      }
    }

    @Override
    void begin(ConsoleSession admin) {
      started(admin.postMultipart("/admin/articles", Map.of(), "file", files));
    }

    @Override
    String verify(List<String> failures) {
      int complete = 0;
      for (var file : expected.entrySet()) {
        long articles = count("SELECT COUNT(*) FROM articles WHERE source_name = ?", file.getKey());
        long passages =
            count(
                "SELECT COUNT(*) FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_name = ?",
                file.getKey());
        if (articles > 1) {
          failures.add(file.getKey() + " imported " + articles + " times");
        } else if (articles == 1 && passages != file.getValue()) {
          failures.add(
              file.getKey()
                  + " is half imported: "
                  + passages
                  + " of "
                  + file.getValue()
                  + " passages");
        } else if (articles == 1) {
          complete++;
        }
      }
      return "articles complete " + complete + "/" + FILES + ", partial 0 expected";
    }
  }

  /**
   * Adds a treatment to every published passage of the most used cause (thousands; imports add
   * untagged passages, so the set stays put), or removes it from all of them: one transaction, all
   * or nothing.
   */
  private final class BulkTagPhase extends Phase {
    private static final String OF_CAUSE =
        """
        SELECT COUNT(*) FROM passages p JOIN passage_tags pc ON pc.passage_id = p.id JOIN tags c ON c.id = pc.tag_id
         WHERE p.status = 'published' AND c.slug = ?
        """;
    private static final String TAGGED =
        OF_CAUSE
            + """
           AND EXISTS (SELECT 1 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id AND t.slug = ?)
        """;
    private static final String LARGEST_CAUSE =
        """
        SELECT t.slug FROM tags t JOIN passage_tags pt ON pt.tag_id = t.id JOIN passages p ON p.id = pt.passage_id
         WHERE t.kind = 'cause' AND t.retired_at IS NULL AND p.status = 'published'
         GROUP BY t.id HAVING COUNT(*) <= 10000 ORDER BY COUNT(*) DESC, t.id LIMIT 1
        """;
    private static final String AUDITED =
        "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'tag.bulk-%'";
    private String cause;
    private String slug;
    private String mode;
    private long matched;
    private long before;
    private long after;
    private long auditedBefore;
    private volatile CompletableFuture<Page> answer;

    @Override
    String name() {
      return "bulk";
    }

    @Override
    void prepare(int run) {
      cause = firstSlug(LARGEST_CAUSE);
      slug =
          firstSlug(
              "SELECT slug FROM tags WHERE kind = 'treatment' AND retired_at IS NULL ORDER BY id LIMIT 1");
      matched = count(OF_CAUSE, cause);
      before = count(TAGGED, cause, slug);
      mode = before == matched ? "remove" : "add";
      after = mode.equals("add") ? matched : 0;
      auditedBefore = count(AUDITED);
    }

    @Override
    void begin(ConsoleSession admin) {
      answer =
          CompletableFuture.supplyAsync(
              () ->
                  admin.post(
                      "/admin/passages/bulk",
                      Map.of(
                          "status",
                          "published",
                          "cause",
                          cause,
                          "tag",
                          slug,
                          "mode",
                          mode,
                          "confirm",
                          "yes")));
    }

    @Override
    String progress(ConsoleSession admin) {
      CompletableFuture<Page> a = answer;
      return a == null || !a.isDone()
          ? "in flight"
          : a.isCompletedExceptionally() ? "cut off" : "answered " + a.join().status();
    }

    @Override
    boolean finished() {
      return answer != null && answer.isDone();
    }

    @Override
    String verify(List<String> failures) {
      long now = count(TAGGED, cause, slug);
      boolean acknowledged =
          answer.isDone() && !answer.isCompletedExceptionally() && answer.join().status() == 200;
      if (answer.isDone() && !answer.isCompletedExceptionally() && answer.join().status() != 200) {
        failures.add("bulk " + mode + " answered " + answer.join().status());
      }
      if (now != before && now != after) {
        failures.add(
            "bulk "
                + mode
                + " of "
                + slug
                + " half applied: "
                + now
                + " tagged, expected "
                + before
                + " or "
                + after);
      }
      if (acknowledged && now != after) {
        failures.add("acknowledged bulk " + mode + " lost: " + now + " tagged, expected " + after);
      }
      long audited = count(AUDITED) - auditedBefore;
      if (audited != (now == after ? 1 : 0)) {
        failures.add(
            audited + " audit entries for a bulk " + mode + " that left " + now + " tagged");
      }
      return "bulk "
          + mode
          + " "
          + slug
          + " on "
          + matched
          + " ("
          + cause
          + "): "
          + (now == after ? "applied" : "not applied")
          + (acknowledged ? " (acknowledged)" : "");
    }
  }

  /** A console rebuild of the whole index. */
  private final class ReindexPhase extends JobPhase {
    @Override
    String name() {
      return "reindex";
    }

    @Override
    void begin(ConsoleSession admin) {
      started(admin.post("/admin/reindex", Map.of()));
    }

    @Override
    String verify(List<String> failures) {
      long published = count("SELECT COUNT(*) FROM passages WHERE status = 'published'");
      return "published " + published;
    }
  }

  /**
   * An editor saving passages one after another through the console, remembering each save the
   * server answered with its "saved" redirect. Every save gets a word of its own, so search can be
   * asked for it afterwards.
   */
  private final class EditStream implements Runnable {
    private final ConsoleSession editor;
    private final List<Long> ids;
    private final String prefix;
    final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    volatile boolean killed;

    EditStream(ConsoleSession editor, List<Long> ids, String prefix) {
      this.editor = editor;
      this.ids = ids;
      this.prefix = prefix;
    }

    @Override
    public void run() {
      int n = 0;
      for (long id : ids) {
        if (killed) {
          return;
        }
        String word = prefix + (++n);
        try {
          Page form = editor.get("/admin/passages/" + id);
          if (form.status() != 200) {
            unexpected("edit page of " + id + " answered " + form.status());
            continue;
          }
          Page saved =
              editor.post(
                  "/admin/passages/" + id,
                  Map.of(
                      "version",
                      Integer.toString(form.formVersion()),
                      "heading",
                      "",
                      "text",
                      "Drill edit "
                          + word
                          + ": lying on the side with a pillow between the knees eases the ache.",
                      "status",
                      "published",
                      "reject_reason",
                      "",
                      "action",
                      "save"));
          if (saved.status() == 302 && String.valueOf(saved.location()).endsWith("done=saved")) {
            acknowledged.put(id, word);
          } else {
            unexpected("save of " + id + " answered " + saved.status());
          }
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          if (!killed) {
            failures.add("save of " + id + " failed before the kill: " + e.getMessage());
          }
          return;
        }
      }
    }

    private void unexpected(String what) {
      if (!killed) {
        failures.add(what);
      }
    }

    /**
     * Each acknowledged save must be in the database and found by searching its word; returns how
     * many are.
     */
    int verify(ConsoleSession client, List<String> failures) {
      int found = 0;
      for (var edit : acknowledged.entrySet()) {
        long id = edit.getKey();
        String word = edit.getValue();
        long stored =
            count(
                "SELECT COUNT(*) FROM passages WHERE id = ? AND status = 'published' AND text LIKE ?",
                id,
                "%" + word + ":%");
        boolean searchable = false;
        for (JsonNode hit : client.get("/api/search?limit=5&q=" + word).json().path("results")) {
          searchable |= hit.path("id").asLong() == id;
        }
        if (stored != 1) {
          failures.add(
              "acknowledged save " + word + " of passage " + id + " is not in the database");
        } else if (!searchable) {
          failures.add(
              "acknowledged save " + word + " of passage " + id + " is not found by search");
        } else {
          found++;
        }
      }
      return found;
    }
  }
}
