package io.lumbar.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of JDBC work on one connection; {@link Database} owns the connection and its transaction.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
