/**
 * Reaching MariaDB: {@link io.lumbar.db.Database} (connection pool, Flyway migrations on open, read
 * and write transactions through {@link io.lumbar.db.SqlWork}), the embedded MariaDB used when none
 * is configured ({@link io.lumbar.db.EmbeddedMariaDb}), and the domain exceptions DAOs throw
 * ({@code NotFoundException}, {@code ConcurrentChangeException}, {@code
 * DatabaseUnavailableException}) that {@code web/HttpErrors} maps to HTTP.
 *
 * <p>Entry points: {@code Database.open}, {@code Database.read/write}. Depends on no other Lumbar
 * package: everything stands on it.
 */
package io.lumbar.db;
