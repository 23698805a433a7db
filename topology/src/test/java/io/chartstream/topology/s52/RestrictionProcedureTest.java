package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.11 RESTRN01: a signpost to RESCSP02 for areas with RESTRN. */
class RestrictionProcedureTest {
  private final RestrictionProcedure procedure = new RestrictionProcedure();
  private final MarinerSettings settings = MarinerSettings.defaults();

  @Test
  void anchorageWithEntryRestricted() {
    assertEquals(List.of("SY(ENTRES51)"), procedure.instructions(feature("ACHARE", AREA, "RESTRN", codes(8)), settings));
  }

  @Test
  void cableAreaWithAnchoringAndFishingProhibited() {
    assertEquals(List.of("SY(ACHRES61)"), procedure.instructions(feature("CBLARE", AREA, "RESTRN", codes(1, 3)), settings));
  }

  @Test
  void withoutRestrnNothing() {
    assertEquals(List.of(), procedure.instructions(feature("FAIRWY", AREA), settings));
  }

  @Test
  void restrnAsIntegerListToo() {
    var f = feature("MARCUL", AREA, "RESTRN", new io.chartstream.schema.avro.IntList(List.of(3L, 20L)));
    assertEquals(List.of("SY(FSHRES71)"), procedure.instructions(f, settings));
  }
}
