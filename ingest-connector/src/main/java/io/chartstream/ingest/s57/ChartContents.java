package io.chartstream.ingest.s57;

import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * Everything read from one chart version.
 *
 * @param files       the base cell and the updates GDAL applied
 * @param dsid        the dataset identification after updates
 * @param features    every feature of every object class except DSID, in layer order
 * @param coverage    ISO WKB of the M_COVR CATCOV=1 multipolygon, or null
 * @param bbox        the coverage's box, or null
 * @param problems    files of the group that GDAL did not apply (the version read is still valid)
 */
public record ChartContents(CellFiles files, DatasetIdentification dsid, List<S57Feature> features,
                            byte[] coverage, BoundingBox bbox, List<IngestProblem> problems) {}
