package io.lumbar.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Lumbar can be configured with, read from environment variables. Defaults suit a
 * laptop: port 7070, an embedded MariaDB under {@code data/mariadb}, the index under {@code
 * index/data}.
 *
 * @param port LUMBAR_PORT (7070; 0 picks a free port)
 * @param dbUrl LUMBAR_DB_URL, a {@code jdbc:mariadb://host:port/database} URL, or a cluster's
 *     members with a failover mode ({@code
 *     jdbc:mariadb:sequential://h1:3306,h2:3306,h3:3306/lumbar}, see docs/galera.md); empty means
 *     embedded
 * @param dbUser LUMBAR_DB_USER (root)
 * @param dbPassword LUMBAR_DB_PASSWORD (empty)
 * @param indexDir LUMBAR_INDEX_DIR (index/data)
 * @param embeddedDbDir LUMBAR_EMBEDDED_DB_DIR (data/mariadb): where the embedded MariaDB keeps its
 *     files
 * @param embeddedDbPort LUMBAR_EMBEDDED_DB_PORT (33306): the embedded MariaDB's port on 127.0.0.1
 * @param importSamples LUMBAR_IMPORT_SAMPLES (true): import the bundled articles into an empty
 *     database
 * @param indexRefreshMillis LUMBAR_INDEX_REFRESH_MS (200): how often the index follows the change
 *     log
 * @param metricsToken LUMBAR_METRICS_TOKEN (unset): when set, {@code GET /metrics} needs {@code
 *     Authorization: Bearer} with it
 * @param warmupSeconds LUMBAR_WARMUP_SECONDS (5): how long the server searches by itself before it
 *     takes requests; 0 skips it
 * @param semantic LUMBAR_SEMANTIC (on): hybrid search with sentence embeddings; off: lexical search
 *     only
 * @param semanticModel LUMBAR_SEMANTIC_MODEL (unset: the model in the jar): a folder with
 *     model.onnx and tokenizer.json, optionally model.properties (pooling, query and passage
 *     prefixes; see semantic/TextEmbedder)
 * @param fusion LUMBAR_FUSION (unset: the weights tuned for the model in the jar): how hybrid
 *     ranking weighs meaning against words, six numbers FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE (see
 *     docs/operations.md); checked where search is built
 */
public record Config(
    int port,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Path indexDir,
    Path embeddedDbDir,
    int embeddedDbPort,
    boolean importSamples,
    long indexRefreshMillis,
    Optional<String> metricsToken,
    int warmupSeconds,
    boolean semantic,
    Optional<Path> semanticModel,
    Optional<String> fusion) {

  public Config {
    if (warmupSeconds < 0) {
      throw new ConfigException("LUMBAR_WARMUP_SECONDS must be 0 or more, got " + warmupSeconds);
    }
  }

  public static Config fromEnvironment() {
    return fromMap(System.getenv());
  }

  public static Config fromMap(Map<String, String> env) {
    return new Config(
        intValue(env, "LUMBAR_PORT", 7070),
        Optional.ofNullable(env.get("LUMBAR_DB_URL")).map(String::strip).filter(s -> !s.isEmpty()),
        env.getOrDefault("LUMBAR_DB_USER", "root"),
        env.getOrDefault("LUMBAR_DB_PASSWORD", ""),
        Path.of(env.getOrDefault("LUMBAR_INDEX_DIR", "index/data")),
        Path.of(env.getOrDefault("LUMBAR_EMBEDDED_DB_DIR", "data/mariadb")),
        intValue(env, "LUMBAR_EMBEDDED_DB_PORT", 33306),
        Boolean.parseBoolean(env.getOrDefault("LUMBAR_IMPORT_SAMPLES", "true")),
        intValue(env, "LUMBAR_INDEX_REFRESH_MS", 200),
        Optional.ofNullable(env.get("LUMBAR_METRICS_TOKEN"))
            .map(String::strip)
            .filter(s -> !s.isEmpty()),
        intValue(env, "LUMBAR_WARMUP_SECONDS", 5),
        onOff(env, "LUMBAR_SEMANTIC", true),
        Optional.ofNullable(env.get("LUMBAR_SEMANTIC_MODEL"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Path::of),
        Optional.ofNullable(env.get("LUMBAR_FUSION")).map(String::strip).filter(s -> !s.isEmpty()));
  }

  public Config withPort(int newPort) {
    return new Config(
        newPort,
        dbUrl,
        dbUser,
        dbPassword,
        indexDir,
        embeddedDbDir,
        embeddedDbPort,
        importSamples,
        indexRefreshMillis,
        metricsToken,
        warmupSeconds,
        semantic,
        semanticModel,
        fusion);
  }

  public Config withDatabase(String url, String user, String password) {
    return new Config(
        port,
        Optional.of(url),
        user,
        password,
        indexDir,
        embeddedDbDir,
        embeddedDbPort,
        importSamples,
        indexRefreshMillis,
        metricsToken,
        warmupSeconds,
        semantic,
        semanticModel,
        fusion);
  }

  public Config withIndexDir(Path dir) {
    return new Config(
        port,
        dbUrl,
        dbUser,
        dbPassword,
        dir,
        embeddedDbDir,
        embeddedDbPort,
        importSamples,
        indexRefreshMillis,
        metricsToken,
        warmupSeconds,
        semantic,
        semanticModel,
        fusion);
  }

  public Config withSemantic(boolean value) {
    return new Config(
        port,
        dbUrl,
        dbUser,
        dbPassword,
        indexDir,
        embeddedDbDir,
        embeddedDbPort,
        importSamples,
        indexRefreshMillis,
        metricsToken,
        warmupSeconds,
        value,
        semanticModel,
        fusion);
  }

  public Config withImportSamples(boolean value) {
    return new Config(
        port,
        dbUrl,
        dbUser,
        dbPassword,
        indexDir,
        embeddedDbDir,
        embeddedDbPort,
        value,
        indexRefreshMillis,
        metricsToken,
        warmupSeconds,
        semantic,
        semanticModel,
        fusion);
  }

  /**
   * Never prints the database password or the metrics token: configs end up in logs and error
   * reports.
   */
  @Override
  public String toString() {
    return "Config[port="
        + port
        + ", dbUrl="
        + dbUrl.orElse("(embedded)")
        + ", dbUser="
        + dbUser
        + ", dbPassword="
        + (dbPassword.isEmpty() ? "(empty)" : "(set)")
        + ", indexDir="
        + indexDir
        + ", embeddedDbDir="
        + embeddedDbDir
        + ", embeddedDbPort="
        + embeddedDbPort
        + ", importSamples="
        + importSamples
        + ", indexRefreshMillis="
        + indexRefreshMillis
        + ", metricsToken="
        + (metricsToken.isPresent() ? "(set)" : "(unset)")
        + ", warmupSeconds="
        + warmupSeconds
        + ", semantic="
        + (semantic ? "on" : "off")
        + semanticModel.map(m -> ", semanticModel=" + m).orElse("")
        + fusion.map(f -> ", fusion=" + f).orElse("")
        + "]";
  }

  private static boolean onOff(Map<String, String> env, String name, boolean fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default -> throw new ConfigException(name + " must be on or off, got '" + raw + "'");
    };
  }

  private static int intValue(Map<String, String> env, String name, int fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
    }
  }

  /** A configuration value that cannot be used; its message is shown to the operator as is. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
