package io.chartstream.app.ops;

import io.chartstream.app.embedded.CatalogPromises.Promise;
import io.chartstream.app.embedded.ChartReleases;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.topology.rcl.RclKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The charts the catalogues promised that never came, and their release. A chart listed in a
 * CATALOG.031 makes every RCL its box covers wait for it; if its cell is missing, or cannot be
 * read (an S-63 exchange set lists encrypted cells), those RCLs would wait for ever. Once ingest
 * has read everything it can, such a chart is released ({@link ChartReleases}): by
 * {@code run --once} at the end, in a watched production after {@code grace} (counted from when
 * ingest last had nothing left to read, or the promise, whichever is later), or by the operator.
 */
public final class MissingCharts {
  private static final int RCLS_LISTED = 20;
  /** Charts listed at most: an exchange set of thousands of encrypted cells lists the first ones. */
  static final int LISTED = 200;

  private final Path input;
  private final Function<String, List<Long>> waitingRcls;
  private final ChartReleases releases;
  private final Duration grace;
  private volatile long completeSince;
  /** Charts released here, so one is never released twice before the watcher reads its release back. */
  private final Map<String, String> releasedHere = new ConcurrentHashMap<>();
  private volatile Map<String, Promise> lastWaiting = Map.of();

  /**
   * @param input       the input directory, to tell a missing file from a failed one (null: unknown)
   * @param waitingRcls the RCLs the topology has the chart expected in (empty when unknown)
   * @param grace       how long a missing chart is waited for once ingest is idle; null: never released on its own
   */
  public MissingCharts(Path input, Function<String, List<Long>> waitingRcls, ChartReleases releases, Duration grace) {
    this.input = input == null ? null : input.toAbsolutePath().normalize();
    this.waitingRcls = waitingRcls;
    this.releases = releases;
    this.grace = grace;
  }

  /**
   * The charts waited for now, once ingest has nothing left to read (before, a chart not read yet
   * is simply pending): at most {@value #LISTED} of them, in chart order. Those past the grace are
   * released first.
   */
  public List<WaitingChart> observe(IngestWatcher ingest, long nowMillis) {
    if (!ingest.isComplete()) {
      completeSince = 0;
      lastWaiting = Map.of();
      return List.of();
    }
    if (completeSince == 0) {
      completeSince = nowMillis;
    }
    List<WaitingChart> out = new ArrayList<>();
    Map<String, Promise> waiting = new ConcurrentHashMap<>();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (Promise promise : ingest.promises().waiting()) {
      if (releasedHere.containsKey(promise.chartId())) {
        continue;
      }
      long releaseAt = grace == null ? -1 : Math.max(completeSince, promise.promisedAt()) + grace.toMillis();
      String reason = reason(ingest, promise);
      if (releaseAt >= 0 && nowMillis >= releaseAt) {
        sent.add(release(promise, "not received " + describe(grace) + " after ingest read everything else (" + reason + ")"));
        continue;
      }
      waiting.put(promise.chartId(), promise);
      if (out.size() < LISTED) {
        List<Long> rcls = waitingRcls.apply(promise.chartId());
        out.add(new WaitingChart(promise.chartId(), promise.entry().getFile(), promise.entry().getCatalogFile(),
            promise.promisedAt(), reason, rcls.size(),
            rcls.stream().limit(RCLS_LISTED).map(r -> RclKey.decode(r).toString()).toList(), releaseAt));
      }
    }
    ChartReleases.await(sent);
    lastWaiting = waiting;
    return out;
  }

  private static String describe(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  /**
   * Releases every chart promised and not arrived, for {@code run --once} once ingest is complete.
   *
   * @return each as "CHART (why)", in chart order
   */
  public List<String> releaseAll(IngestWatcher ingest, String why) {
    List<String> named = new ArrayList<>();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (Promise promise : ingest.promises().waiting()) {
      String reason = reason(ingest, promise);
      if (!releasedHere.containsKey(promise.chartId())) {
        sent.add(release(promise, why + " (" + reason + ")"));
      }
      named.add(promise.chartId() + " (" + reason + ")");
    }
    ChartReleases.await(sent);
    return named;
  }

  /** The operator's release of one chart listed as waiting; false when it is not (any more). */
  public boolean releaseByOperator(String chartId) {
    Promise promise = lastWaiting.get(chartId);
    if (promise == null || releasedHere.containsKey(chartId)) {
      return false;
    }
    ChartReleases.await(List.of(release(promise, "released by the operator")));
    return true;
  }

  /** Charts released by this run, with the reason written. */
  public Map<String, String> released() {
    return Map.copyOf(releasedHere);
  }

  private java.util.concurrent.Future<?> release(Promise promise, String reason) {
    releasedHere.put(promise.chartId(), reason);
    return releases.release(promise.entry(), reason);
  }

  /** Why a promised chart has not arrived, as far as the production knows. */
  private String reason(IngestWatcher ingest, Promise promise) {
    Optional<String> failure = ingest.failureOf(promise.chartId());
    if (failure.isPresent()) {
      return failure.get().startsWith("encrypted_cell") ? "encrypted S-63 cell: " + failure.get() : failure.get();
    }
    String file = promise.entry().getFile();
    if (input != null) {
      Path path = input.resolve(file).normalize();
      if (!path.startsWith(input)) {
        return "the catalogue names " + file + ", outside the input";
      }
      if (!Files.exists(path)) {
        return "no file " + file + " in the input";
      }
    }
    return file + " not read yet";
  }
}
