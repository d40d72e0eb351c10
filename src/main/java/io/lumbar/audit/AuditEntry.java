package io.lumbar.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit event: {@code actor} did {@code action} (e.g. {@code passage.publish}) to the entity
 * {@code entityType}/{@code entityId} (null when the event concerns no single row). {@code detail}
 * is stored as a JSON object in the order its keys were added, or as NULL when it is null.
 */
public record AuditEntry(
    String actor, String action, String entityType, Long entityId, Map<String, Object> detail) {

  public AuditEntry {
    // A copy that keeps the order and allows null values (Map.copyOf allows neither).
    detail = detail == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
  }

  /** An entry without detail; add some with {@link #with}. */
  public static AuditEntry of(String actor, String action, String entityType, Long entityId) {
    return new AuditEntry(actor, action, entityType, entityId, null);
  }

  /** This entry with {@code key} set to {@code value} (null is stored as JSON null). */
  public AuditEntry with(String key, Object value) {
    Map<String, Object> more = detail == null ? new LinkedHashMap<>() : new LinkedHashMap<>(detail);
    more.put(key, value);
    return new AuditEntry(actor, action, entityType, entityId, more);
  }

  /** This entry with every key of {@code values} added, in their order. */
  public AuditEntry withAll(Map<String, ?> values) {
    Map<String, Object> more = detail == null ? new LinkedHashMap<>() : new LinkedHashMap<>(detail);
    more.putAll(values);
    return new AuditEntry(actor, action, entityType, entityId, more);
  }
}
