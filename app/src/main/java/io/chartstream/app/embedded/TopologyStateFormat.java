package io.chartstream.app.embedded;

import java.util.Set;

/**
 * Refuses topology state written by an earlier chartstream that kept one store record per tile
 * piece (store {@code rcl-pieces}, filed by chart version or by feature): this one keeps each
 * chart's section of each RCL ({@code rcl-sections}) and each feature's pieces on the tile grid
 * ({@code chart-pieces}), so it cannot read the old stores. Their changelog topics tell them
 * apart. Replaying re-produces everything from the source topics, which both read alike.
 */
public final class TopologyStateFormat {
  /** The store of the earlier format: one record per piece. */
  static final String EARLIER_PIECES = "rcl-pieces";

  private TopologyStateFormat() {}

  /** @throws IllegalStateException naming the fix, when {@code topics} hold the earlier state */
  public static void check(String applicationId, Set<String> topics) {
    String pieces = changelog(applicationId, EARLIER_PIECES);
    if (topics.contains(pieces)) {
      throw new IllegalStateException("the topology state on this broker (" + pieces + ") was written by an earlier chartstream, "
          + "which kept a store record per tile piece; this one cannot read it. Re-produce it from the source topics: "
          + "./chartstream replay --work-dir DIR (on a cluster, reset application " + applicationId
          + " with kafka-streams-application-reset and start the topology again)");
    }
  }

  static String changelog(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }
}
