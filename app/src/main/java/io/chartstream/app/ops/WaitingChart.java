package io.chartstream.app.ops;

import java.util.List;

/**
 * A chart an exchange set's CATALOG.031 promised that has not arrived though ingest has nothing
 * left to read, and the RCLs that wait for it: what {@code status} and the operator page list.
 *
 * @param chartId      the cell name
 * @param file         the cell as the catalogue names it, relative to the input root
 * @param catalogFile  the CATALOG.031 that promised it
 * @param promisedAt   when this run first saw the promise (epoch millis)
 * @param reason       why it has not arrived, as far as known: its dead letter, or that no such file is in the input
 * @param rcls         how many RCLs wait for it
 * @param someRcls     the first of them, as {@code level/row/col}
 * @param releaseAt    when it will be released if still missing (epoch millis), or -1 when nothing releases it on
 *                     its own ({@code run --once} releases at its end)
 */
public record WaitingChart(String chartId, String file, String catalogFile, long promisedAt, String reason, int rcls,
                           List<String> someRcls, long releaseAt) {
  public WaitingChart {
    someRcls = List.copyOf(someRcls);
  }
}
