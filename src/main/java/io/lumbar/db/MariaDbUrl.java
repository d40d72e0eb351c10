package io.lumbar.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Connector/J URL taken apart, so Lumbar can reach the server before its database exists and add
 * the options a local server needs: {@code jdbc:mariadb://host:port/database?options}, or with
 * several hosts and a failover mode, {@code
 * jdbc:mariadb:sequential://h1:3306,h2:3306,h3:3306/lumbar} (also {@code loadbalance}), which the
 * driver fails over between when one goes away (a Galera cluster's members).
 *
 * @param mode the driver's high-availability mode ({@code sequential}, {@code loadbalance}); empty
 *     for one host
 * @param hosts at least one; exactly one when {@code mode} is empty
 */
record MariaDbUrl(String mode, List<Host> hosts, String database, String options) {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

  /**
   * The modes that fail over between equal servers; replication (a primary and read-only replicas)
   * is not one.
   */
  private static final Set<String> FAILOVER_MODES = Set.of("sequential", "loadbalance");

  private static final Pattern URL =
      Pattern.compile("jdbc:mariadb:(?:([a-z-]+):)?//([^/?#]*)(?:/([^?#]*))?(?:\\?([^#]*))?");

  /** {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}. */
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_.-]+)(?::(\\d{1,5}))?");

  private static final String SHAPE =
      "jdbc:mariadb://host:3306/lumbar or jdbc:mariadb:sequential://host1:3306,host2:3306/lumbar";

  /** One server of the URL. */
  record Host(String name, int port) {
    @Override
    public String toString() {
      return name + ":" + port;
    }

    boolean isLocal() {
      return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }
  }

  MariaDbUrl {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty() || (mode.isEmpty() && hosts.size() > 1)) {
      throw new IllegalArgumentException("A URL has one host, or several with a failover mode");
    }
  }

  static MariaDbUrl parse(String url) {
    Matcher m = url == null ? null : URL.matcher(url.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "LUMBAR_DB_URL must look like " + SHAPE + ", got '" + url + "'");
    }
    String mode = m.group(1) == null ? "" : m.group(1);
    if (!mode.isEmpty() && !FAILOVER_MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "LUMBAR_DB_URL: unsupported mode '"
              + mode
              + "'; use sequential or loadbalance"
              + " (every server must take writes), got '"
              + url
              + "'");
    }
    List<Host> hosts = new ArrayList<>();
    for (String part : m.group(2).split(",", -1)) {
      hosts.add(host(part.strip(), url));
    }
    if (mode.isEmpty() && hosts.size() > 1) {
      throw new IllegalArgumentException(
          "LUMBAR_DB_URL names "
              + hosts.size()
              + " hosts: say how to use them,"
              + " e.g. jdbc:mariadb:sequential://"
              + m.group(2)
              + "/..., got '"
              + url
              + "'");
    }
    String database = m.group(3) == null || m.group(3).isEmpty() ? "lumbar" : m.group(3);
    if (!SAFE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "Database name '" + database + "' may only use letters, digits, _ and $");
    }
    String options = m.group(4) == null ? "" : m.group(4);
    // Connector/J 4 turns TLS on by default; a local server usually has none. With several hosts,
    // only when every
    // one is local: a remote member must not be reached in clear text because another one is on
    // this machine.
    if (!options.contains("sslMode=") && hosts.stream().allMatch(Host::isLocal)) {
      options = options.isEmpty() ? "sslMode=disable" : options + "&sslMode=disable";
    }
    return new MariaDbUrl(mode, hosts, database, options);
  }

  private static Host host(String part, String url) {
    Matcher h = HOST.matcher(part);
    if (!h.matches()) {
      throw new IllegalArgumentException(
          "LUMBAR_DB_URL: '"
              + part
              + "' is not a host or host:port ("
              + SHAPE
              + "), got '"
              + url
              + "'");
    }
    int port = h.group(2) == null ? 3306 : Integer.parseInt(h.group(2));
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "LUMBAR_DB_URL: port " + port + " of '" + part + "' is not between 1 and 65535");
    }
    return new Host(h.group(1).toLowerCase(java.util.Locale.ROOT), port);
  }

  /** The servers, for messages: {@code host:port}, or several comma-separated. */
  String hostAndPort() {
    return String.join(",", hosts.stream().map(Host::toString).toList());
  }

  String jdbcUrl() {
    return url(database);
  }

  /** The URL without a database: to create it. */
  String serverUrl() {
    return url("");
  }

  private String url(String path) {
    return "jdbc:mariadb:"
        + (mode.isEmpty() ? "" : mode + ":")
        + "//"
        + hostAndPort()
        + "/"
        + path
        + (options.isEmpty() ? "" : "?" + options);
  }

  String quotedDatabase() {
    return "`" + database + "`";
  }
}
