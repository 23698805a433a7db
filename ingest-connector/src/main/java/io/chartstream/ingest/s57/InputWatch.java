package io.chartstream.ingest.s57;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when something changed under a local input directory, so a scan can follow a copied file
 * at once instead of at the next periodic scan. It watches the root and every directory below it
 * (exchange sets arrive as {@code ENC_ROOT/<chart>/<files>}), including directories created
 * later. On Linux the JDK's {@link WatchService} is inotify.
 *
 * <p>It only says "look again", never what changed: the scan decides. Events can be lost (an
 * inotify queue overflow, a directory that could not be registered), so the periodic scan stays
 * as the fallback; a watch that cannot be set up at all is logged once and not used.
 */
public final class InputWatch implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(InputWatch.class);

  private final Path root;
  private final WatchService service;
  /** The directory each registration watches, to register directories created inside it. */
  private final Map<WatchKey, Path> directories = new HashMap<>();
  private boolean incompleteLogged;

  private InputWatch(Path root, WatchService service) {
    this.root = root;
    this.service = service;
  }

  /**
   * A watch on {@code root} and every directory below it, or empty (logged once here) when it
   * cannot be set up: not a local directory, too many inotify watches, and the like.
   */
  public static Optional<InputWatch> open(Path root) {
    WatchService service = null;
    try {
      if (!Files.isDirectory(root)) {
        throw Files.exists(root) ? new NotDirectoryException(root.toString()) : new NoSuchFileException(root.toString());
      }
      service = root.getFileSystem().newWatchService();
      InputWatch watch = new InputWatch(root, service);
      watch.registerTree(root);
      return Optional.of(watch);
    } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
      LOGGER.warn("Cannot watch the input {} for changes ({}); it is scanned periodically only", root, e.toString());
      if (service != null) {
        try {
          service.close();
        } catch (IOException closing) {
          LOGGER.debug("Closing the watch service", closing);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Waits up to {@code maxMillis} for a change under the root and takes every change already
   * queued with it, so one burst of events (a file copied in many writes) is one answer.
   *
   * @return whether anything changed (or events were lost, which may hide a change); false once
   *     the watch is closed
   */
  public boolean awaitChange(long maxMillis) throws InterruptedException {
    try {
      WatchKey key = service.poll(Math.max(0, maxMillis), TimeUnit.MILLISECONDS);
      if (key == null) {
        return false;
      }
      while (key != null) {
        take(key);
        key = service.poll();
      }
      return true;
    } catch (ClosedWatchServiceException e) {
      return false; // closed by the task's stop(), which Connect calls from another thread
    }
  }

  private void take(WatchKey key) {
    Path directory = directories.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      // A new directory may already hold files by now: registering it walks it, and the scan
      // that follows this change finds those files, so none is missed between the two.
      if (directory != null && event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
        Path created = directory.resolve(name);
        if (Files.isDirectory(created)) {
          try {
            registerTree(created);
          } catch (IOException | UncheckedIOException e) {
            logIncomplete(created, e);
          }
        }
      }
    }
    if (!key.reset()) {
      directories.remove(key); // the directory is gone
    }
  }

  private void registerTree(Path top) throws IOException {
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path directory : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
        directories.put(directory.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
      }
    }
  }

  private void logIncomplete(Path directory, Exception e) {
    if (!incompleteLogged) {
      incompleteLogged = true;
      LOGGER.warn("Cannot watch {} ({}); changes there are found by the periodic scan of {}", directory, e.toString(), root);
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      LOGGER.debug("Closing the watch service of {}", root, e);
    }
  }
}
