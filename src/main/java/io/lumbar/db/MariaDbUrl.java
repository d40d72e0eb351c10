package io.lumbar.db;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:mariadb://host:port/database?options} URL taken apart, so Lumbar can reach the server
 * before its database exists and add the options a local server needs.
 */
record MariaDbUrl(String host, int port, String database, String options) {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

  static MariaDbUrl parse(String url) {
    if (url == null || !url.startsWith("jdbc:mariadb://")) {
      throw new IllegalArgumentException("LUMBAR_DB_URL must look like jdbc:mariadb://host:3306/lumbar, got '" + url + "'");
    }
    URI uri;
    try {
      uri = URI.create(url.substring("jdbc:".length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LUMBAR_DB_URL is not a valid URL: '" + url + "'");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String database = path.isEmpty() ? "lumbar" : path;
    if (!SAFE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Database name '" + database + "' may only use letters, digits, _ and $");
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? 3306 : uri.getPort();
    String options = uri.getQuery() == null ? "" : uri.getQuery();
    // Connector/J 4 turns TLS on by default; a local server usually has none.
    if (!options.contains("sslMode=") && isLocal(host)) {
      options = options.isEmpty() ? "sslMode=disable" : options + "&sslMode=disable";
    }
    return new MariaDbUrl(host, port, database, options);
  }

  private static boolean isLocal(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
  }

  String hostAndPort() {
    return host + ":" + port;
  }

  String jdbcUrl() {
    return "jdbc:mariadb://" + hostAndPort() + "/" + database + (options.isEmpty() ? "" : "?" + options);
  }

  String serverUrl() {
    return "jdbc:mariadb://" + hostAndPort() + "/" + (options.isEmpty() ? "" : "?" + options);
  }

  String quotedDatabase() {
    return "`" + database + "`";
  }
}
