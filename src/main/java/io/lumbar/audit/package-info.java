/**
 * The audit log's one writer: {@link io.lumbar.audit.AuditTrail} inserts every {@code audit_log}
 * row, each described by an {@link io.lumbar.audit.AuditEntry} (who, what, on which entity, and a
 * detail that is stored as JSON). A change to content, users, tags or synonyms records its entry
 * with the connection of its own transaction, so the entry and the change commit or roll back
 * together; an event that changes no row (sign in, a rebuild started) records it in a transaction
 * of its own. The console reads the log in {@code admin/AuditLog}.
 *
 * <p>Entry points: {@code AuditTrail.record}, {@code AuditEntry.of(...).with(...)}. Depends on
 * {@code db/} and {@code web/} (the JSON configuration) only, so every feature may use it.
 */
package io.lumbar.audit;
