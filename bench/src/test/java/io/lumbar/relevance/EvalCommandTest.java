package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lumbar.bench.BenchMain;
import io.lumbar.testing.RunningApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lumbar eval} on the bundled corpus: its own figures, the baselines, and agreement with
 * score.py.
 */
class EvalCommandTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @TempDir Path tmp;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = BenchMain.commandLine(app.config(), System.in);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void scores_lumbar_beside_the_three_baselines() throws IOException {
    Path queries =
        Files.writeString(
            tmp.resolve("q.json"),
            """
        {"queries": [
          {"q": "quadratus lumborum", "needles": ["quadratus lumborum muscle"]},
          {"q": "zebra crossing", "needles": ["no passage says this"]}
        ]}""");

    assertThat(run("eval", queries.toString(), "--timed-rounds", "0")).as(err.toString()).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst())
        .startsWith("lumbar")
        .contains("lucene-standard", "lucene-english", "mariadb-fulltext");
    assertThat(lines)
        .contains(
            "1.00  1.00      1.00  1.00      1.00  1.00      1.00  1.00      quadratus lumborum",
            "0.00  0.00      0.00  0.00      0.00  0.00      0.00  0.00      zebra crossing");
    assertThat(lines).anyMatch(l -> l.matches("lumbar +0\\.500 +0\\.500 .*"));
    assertThat(lines).anyMatch(l -> l.matches("mariadb-fulltext +0\\.500 +0\\.500 .*"));
  }

  @Test
  void a_bad_three_number_fusion_is_named_as_given() throws IOException {
    Path queries =
        Files.writeString(
            tmp.resolve("q.json"),
            """
        {"queries": [{"q": "quadratus lumborum", "needles": ["quadratus lumborum muscle"]}]}""");

    assertThat(run("eval", queries.toString(), "--timed-rounds", "0", "--fusion", "0.6,x,2"))
        .isNotZero();
    assertThat(err.toString())
        .contains("error:")
        .contains("three numbers FLOOR,SPAN,WEIGHT or six")
        .contains("'0.6,x,2'")
        .doesNotContain("Exception");
  }

  @Test
  void a_file_mixing_splits_also_gets_each_split_s_figures() throws IOException {
    Path queries =
        Files.writeString(
            tmp.resolve("q.json"),
            """
        {"queries": [
          {"q": "quadratus lumborum", "needles": ["quadratus lumborum muscle"], "split": "tune"},
          {"q": "zebra crossing", "needles": ["no passage says this"], "split": "test"}
        ]}""");

    assertThat(run("eval", queries.toString(), "--timed-rounds", "0", "--no-baselines"))
        .as(err.toString())
        .isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.subList(lines.size() - 3, lines.size()))
        .containsExactly(
            "ranker             split     queries  nDCG@10   MRR@10",
            "lumbar             tune            1    1.000    1.000",
            "lumbar             test            1    0.000    0.000");
  }

  @Test
  void a_missing_or_malformed_query_file_is_one_error_line() throws IOException {
    assertThat(run("eval", tmp.resolve("missing.json").toString())).isEqualTo(1);
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"queries\": [{\"q\": \"\"}]}");
    assertThat(run("eval", bad.toString())).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: No such query file: " + tmp.resolve("missing.json"),
            "error: Every query in " + bad + " needs a non-empty \"q\" and \"needles\"");
  }

  @Test
  void agrees_with_score_py_line_for_line() throws Exception {
    assumeTrue(python3Available(), "python3 is not installed");
    Path queries = resource("dev-queries.json");
    Path script = resource("score.py");
    String base = app.uri("/").toString();

    assertThat(run("eval", queries.toString(), "--url", base)).as(err.toString()).isZero();

    Process python =
        new ProcessBuilder("python3", script.toString(), queries.toString(), base)
            .redirectErrorStream(true)
            .start();
    String expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(expected).isZero();
    assertThat(out.toString()).isEqualTo(expected);
  }

  private Path resource(String name) throws IOException {
    Path copy = tmp.resolve(name);
    try (var in = getClass().getResourceAsStream("/eval/" + name)) {
      Files.copy(in, copy);
    }
    return copy;
  }

  private static boolean python3Available() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
