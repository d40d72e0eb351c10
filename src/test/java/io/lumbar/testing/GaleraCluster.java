package io.lumbar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A three-member MariaDB Galera cluster on this machine, for drills: Debian's {@code galera-4} and
 * {@code mariadb-backup} (state transfer), each member a {@code mariadbd} of its own with a data
 * folder under {@code base}, client ports {@code port}, {@code port+1}, {@code port+2} on
 * 127.0.0.1, and group, incremental and snapshot transfer ports at {@code port+1260}, {@code
 * +1270}, {@code +1280} (3311 → 4571, 4581, 4591). Members are started one after another, each
 * waited for until it is synced; {@link #kill} sends SIGKILL, {@link #rejoin} starts the member
 * again on its old data, and it catches up from the others (incremental or full transfer).
 */
public final class GaleraCluster implements AutoCloseable {
  public static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
  private static final int SIZE = 3;
  private final Path base;
  private final int port;
  private final Process[] members = new Process[SIZE];

  private GaleraCluster(Path base, int port) {
    this.base = base.toAbsolutePath();
    this.port = port;
  }

  /** Why a cluster cannot run here (galera-4 or mariadb-backup missing); null when it can. */
  public static String missing() {
    if (!Files.exists(PROVIDER)) {
      return "galera-4 is not installed ("
          + PROVIDER
          + " missing): apt-get install -y galera-4 mariadb-backup";
    }
    if (Stream.of("/usr/bin/mariadb-backup", "/usr/bin/mariabackup")
        .noneMatch(p -> Files.isExecutable(Path.of(p)))) {
      return "mariadb-backup is not installed (Galera's state transfer needs it): apt-get install -y mariadb-backup";
    }
    return null;
  }

  /**
   * Creates fresh data folders under {@code base} and starts the three members; returns once all
   * are synced.
   */
  public static GaleraCluster start(Path base, int port) {
    GaleraCluster cluster = new GaleraCluster(base, port);
    try {
      deleteTree(cluster.base);
      for (int i = 0; i < SIZE; i++) {
        cluster.install(i);
      }
      for (int i = 0; i < SIZE; i++) {
        cluster.launch(i, i == 0);
        cluster.awaitSynced(i, Duration.ofMinutes(3));
      }
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The client port of member {@code i} (0, 1, 2). */
  public int port(int i) {
    return port + i;
  }

  /**
   * A Connector/J failover URL over all three members, {@code first} tried first, then the others
   * in order; the driver only takes a member whose Galera state is Synced (4), so a member still
   * joining is passed over.
   */
  public String failoverUrl(int first, String database) {
    String hosts =
        IntStream.range(0, SIZE)
            .map(k -> (first + k) % SIZE)
            .mapToObj(k -> "127.0.0.1:" + port(k))
            .collect(Collectors.joining(","));
    return "jdbc:mariadb:sequential://" + hosts + "/" + database + "?galeraAllowedState=4";
  }

  /** SIGKILL to member {@code i}: no shutdown, as when its machine dies. */
  public void kill(int i) {
    members[i].destroyForcibly();
    try {
      members[i].waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a killed member again on its data; returns once it is synced with the others. */
  public void rejoin(int i) {
    launch(i, false);
    awaitSynced(i, Duration.ofMinutes(3));
  }

  /** {@code wsrep_cluster_size} as member {@code i} sees it. */
  public int clusterSize(int i) {
    return Integer.parseInt(status(i, "wsrep_cluster_size"));
  }

  private void install(int i) {
    Path dir = dir(i);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        List.of(
            "mariadb-install-db",
            "--no-defaults",
            "--datadir=" + dir.resolve("data"),
            "--user=root",
            "--auth-root-authentication-method=normal"),
        dir.resolve("install.log"),
        Duration.ofMinutes(3));
  }

  private void launch(int i, boolean bootstrap) {
    Path dir = dir(i);
    String gcomm =
        IntStream.range(0, SIZE)
            .mapToObj(k -> "127.0.0.1:" + (port(k) + 1260))
            .collect(Collectors.joining(","));
    List<String> command =
        new ArrayList<>(
            List.of(
                "mariadbd",
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--user=root",
                "--bind-address=127.0.0.1",
                "--port=" + port(i),
                "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"),
                "--log-error=" + dir.resolve("error.log"),
                "--binlog-format=ROW",
                "--innodb-autoinc-lock-mode=2",
                // Only options mariadb-backup knows too: it reads the server's options during a
                // state transfer.
                "--wsrep-on=ON",
                "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=lumbar-drill",
                "--wsrep-cluster-address=gcomm://" + gcomm,
                "--wsrep-node-name=member" + i,
                "--wsrep-node-address=127.0.0.1:" + (port(i) + 1260),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:"
                    + (port(i) + 1260)
                    + ";ist.recv_addr=127.0.0.1:"
                    + (port(i) + 1270),
                "--wsrep-sst-receive-address=127.0.0.1:" + (port(i) + 1280),
                "--wsrep-sst-method=mariabackup"));
    if (bootstrap) {
      command.add("--wsrep-new-cluster");
    }
    try {
      members[i] =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitSynced(int i, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "not answering";
    while (System.nanoTime() < deadline) {
      if (!members[i].isAlive()) {
        throw new IllegalStateException(
            "Galera member "
                + i
                + " exited with "
                + members[i].exitValue()
                + "; see "
                + dir(i).resolve("error.log"));
      }
      try {
        last = status(i, "wsrep_local_state_comment");
        if (last.equals("Synced")) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // Not listening yet, or still receiving its state.
      }
      ServerProcess.sleep(250);
    }
    throw new IllegalStateException(
        "Galera member "
            + i
            + " not synced within "
            + timeout
            + " ("
            + last
            + "); see "
            + dir(i).resolve("error.log"));
  }

  private String status(int i, String variable) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port(i) + "/?sslMode=disable&connectTimeout=1000",
                "root",
                "");
        var st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW STATUS LIKE '" + variable + "'")) {
      return rs.next() ? rs.getString(2) : "";
    } catch (SQLException e) {
      throw new IllegalStateException("member " + i + ": " + e.getMessage(), e);
    }
  }

  private Path dir(int i) {
    return base.resolve("member" + i);
  }

  /**
   * Stops every member (SIGTERM, then SIGKILL after 30 s) and deletes their data folders; their
   * logs stay.
   */
  @Override
  public void close() {
    for (Process member : members) {
      if (member != null && member.isAlive()) {
        member.destroy();
      }
    }
    for (Process member : members) {
      if (member != null) {
        try {
          if (!member.waitFor(30, TimeUnit.SECONDS)) {
            member.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    for (int i = 0; i < SIZE; i++) {
      deleteTree(dir(i).resolve("data"));
    }
  }

  private static void run(List<String> command, Path log, Duration timeout) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            command.getFirst() + " did not finish within " + timeout + "; see " + log);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            command.getFirst() + " failed with " + p.exitValue() + "; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
