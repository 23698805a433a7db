package io.chartstream.ingest.s57;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What one look at the input found.
 *
 * @param catalogs CATALOG.031 files of exchange sets
 * @param cells    base cells with their updates, ready to read
 * @param problems files that cannot be ingested as they are
 * @param nextSettledAt when (epoch millis) the first file left out as not settled yet becomes
 *                      settled, so a scan then takes it; empty when none was left out
 */
public record InputScan(List<Path> catalogs, List<CellFiles> cells, List<IngestProblem> problems,
                        OptionalLong nextSettledAt) {}
