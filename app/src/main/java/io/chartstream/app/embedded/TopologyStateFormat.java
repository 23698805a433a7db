package io.chartstream.app.embedded;

import io.chartstream.topology.streams.StoreNames;
import java.util.Set;

/**
 * Refuses topology state written by an earlier chartstream that filed tile pieces by chart
 * version: this one files them by feature and keeps what each feature placed in store
 * {@code chart-features}, so it cannot read the old stores. Their changelog topics tell them
 * apart: the old state has an {@code rcl-pieces} changelog and no {@code chart-features} one.
 * Replaying re-produces everything from the source topics, which both read alike.
 */
public final class TopologyStateFormat {
  private TopologyStateFormat() {}

  /** @throws IllegalStateException naming the fix, when {@code topics} hold the earlier state */
  public static void check(String applicationId, Set<String> topics) {
    String pieces = changelog(applicationId, StoreNames.RCL_PIECES);
    String features = changelog(applicationId, StoreNames.CHART_FEATURES);
    if (topics.contains(pieces) && !topics.contains(features)) {
      throw new IllegalStateException("the topology state on this broker (" + pieces + ") was written by an earlier chartstream, "
          + "which filed tile pieces by chart version; this one cannot read it. Re-produce it from the source topics: "
          + "./chartstream replay --work-dir DIR (on a cluster, reset application " + applicationId
          + " with kafka-streams-application-reset and start the topology again)");
    }
  }

  static String changelog(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }
}
