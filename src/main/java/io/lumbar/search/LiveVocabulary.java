package io.lumbar.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.Database;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link Vocabulary}. A background check every second reloads it when the database's
 * synonyms or taxonomy changed (also those changed through another node); searches never wait for
 * the database, so they keep working, with the last vocabulary, while it is down.
 */
public final class LiveVocabulary implements Supplier<Vocabulary>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveVocabulary.class);
  private static final long CHECK_EVERY_MILLIS = 1_000;

  private final VocabularySource source;
  private final AtomicReference<Vocabulary> current = new AtomicReference<>();
  private final Object reloading = new Object();
  private ScheduledExecutorService scheduler;
  private String version;
  private boolean failing;

  private LiveVocabulary(VocabularySource source) {
    this.source = source;
  }

  /** Loads the vocabulary now (the database must be up) and keeps it current in the background. */
  public static LiveVocabulary start(Database db, ObjectMapper json) {
    LiveVocabulary live = new LiveVocabulary(new VocabularySource(db, json));
    live.reloadNow();
    live.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vocabulary-reload");
              t.setDaemon(true);
              return t;
            });
    live.scheduler.scheduleWithFixedDelay(
        live::reloadIfChanged, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    return live;
  }

  @Override
  public Vocabulary get() {
    return current.get();
  }

  /**
   * Reloads at once: called after this node changed synonyms or tags, so its next search uses them.
   */
  public void reloadNow() {
    synchronized (reloading) {
      String newVersion = source.version();
      current.set(source.load());
      version = newVersion;
    }
  }

  private void reloadIfChanged() {
    try {
      synchronized (reloading) {
        if (!Objects.equals(source.version(), version)) {
          reloadNow();
          log.info("Search vocabulary reloaded: synonyms or taxonomy changed");
        }
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn(
            "Cannot check the search vocabulary, searching with the last one: {}", e.getMessage());
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
