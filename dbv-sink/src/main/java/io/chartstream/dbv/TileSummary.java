package io.chartstream.dbv;

/** A stored tile's row without its blob: enough to compare two dbvs or list what is there. */
public record TileSummary(long rcl, int level, int row, int col, long sequence, String contentHash,
    int featureCount, String charts) {}
