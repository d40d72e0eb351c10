package io.lumbar.scratch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch databases on the configured server, for the measuring commands: named after the
 * configured database with a suffix ({@code lumbar_bench_1000}, {@code lumbar_eval}), so runs on
 * one server never touch each other's data, and dropped before a fresh run. The product never drops
 * a database, so this lives here, with JDBC of its own.
 */
public final class ScratchDatabase {
  /** {@code jdbc:mariadb:[mode:]//hosts[/database][?options]}, as the product accepts it. */
  private static final Pattern URL =
      Pattern.compile("(jdbc:mariadb:(?:[a-z-]+:)?//[^/?#]*)(?:/([^?#]*))?(\\?[^#]*)?");

  /** Every host is this machine. */
  private static final Pattern LOCAL =
      Pattern.compile(
          "jdbc:mariadb:(?:[a-z-]+:)?//(?:(?:localhost|127\\.0\\.0\\.1|\\[::1])(?::\\d+)?,?)+");

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

  private ScratchDatabase() {}

  /** {@code url} naming the database {@code <configured database><suffix>} on the same servers. */
  public static String beside(String url, String suffix) {
    Matcher m = parse(url);
    String name = (m.group(2) == null ? "" : m.group(2)) + suffix;
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a scratch database name: '" + name + "'");
    }
    return m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
  }

  /** Drops the database {@code url} names, if it exists. */
  public static void dropIfExists(String url, String user, String password) {
    Matcher m = parse(url);
    String name = m.group(2);
    if (name == null || !SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a scratch database: " + url);
    }
    String options = m.group(3) == null ? "" : m.group(3);
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password == null ? "" : password);
    // As the product connects: a server on this machine without TLS unless the URL says otherwise.
    if (!options.contains("sslMode=") && LOCAL.matcher(m.group(1)).matches()) {
      props.setProperty("sslMode", "disable");
    }
    try (Connection c = DriverManager.getConnection(m.group(1) + "/" + options, props);
        var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot drop the scratch database '" + name + "': " + e.getMessage(), e);
    }
  }

  private static Matcher parse(String url) {
    Matcher m = url == null ? null : URL.matcher(url.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("Not a MariaDB JDBC URL: '" + url + "'");
    }
    return m;
  }
}
