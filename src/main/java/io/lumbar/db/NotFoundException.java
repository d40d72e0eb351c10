package io.lumbar.db;

/** The entity a caller asked for does not exist. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " not found");
  }
}
