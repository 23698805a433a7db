package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.StylingFeatures.AREA;
import static io.chartstream.topology.s52.StylingFeatures.LINE;
import static io.chartstream.topology.s52.StylingFeatures.POINT;
import static io.chartstream.topology.s52.StylingFeatures.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SYMINS02 (CSP §13.2.18) against the built-in presentation's names. */
class SymbolInstructionProcedureTest {
  private static SymbolInstructionProcedure symins;

  @BeforeAll
  static void load() throws IOException {
    symins = new SymbolInstructionProcedure(BuiltInPresentation.load(StylingData.builtInDir()));
  }

  private static List<String> of(int primitive, String value) {
    return symins.instructions(feature("NEWOBJ", primitive, "SYMINS", value), MarinerSettings.defaults());
  }

  @Test
  void validInstructionsAreTakenInTheirOrder() {
    assertEquals(List.of("SY(BRTHNO01)", "SY(BCNCAR01)", "TX('V-AIS',3,2,2,'15110',2,0,CHMGD,11)"),
        of(POINT, "SY(BRTHNO01);SY(BCNCAR01);TX('V-AIS',3,2,2,'15110',2,0,CHMGD,11)"));
    assertEquals(List.of("AC(DEPDW)", "LS(SOLD,1,CHGRD)"), of(AREA, "AC(DEPDW);LS(SOLD,1,CHGRD)"));
    assertEquals(List.of("LC(CHCRDEL1)"), of(LINE, "LC(CHCRDEL1)"));
    assertEquals(List.of("AP(DIAMOND1)"), of(AREA, "AP(DIAMOND1)"));
    assertEquals(List.of("TE('by %s','OBJNAM',2,1,2,'15110',-1,-1,CHBLK,21)"),
        of(POINT, "TE('by %s','OBJNAM',2,1,2,'15110',-1,-1,CHBLK,21)"));
  }

  /** ECDIS Chart 1 has this value: the second instruction runs into garbage and is dropped. */
  @Test
  void brokenInstructionsAreDropped() {
    assertEquals(List.of("AC(DNGHL,3)"), of(AREA, "AC(DNGHL,3);LS(SOLD,3,DNGHL)\",\"8\",\"O\",\"MARINERS\",\"53010\""));
    assertEquals(List.of("SY(BRIDGE01)"), of(POINT, "SY(NOSUCH01);SY(BRIDGE01);AC(NOSUCH)"));
    assertEquals(List.of("LS(DASH,2,CHMGD)"), of(LINE, "LS(WAVY,2,CHMGD);LS(DASH,2,CHMGD);LS(DASH,x,CHMGD)"));
    assertEquals(List.of("TX(OBJNAM,1,2,2,'15110',0,0,CHBLK,26)"),
        of(POINT, "TX(OBJNAM,1,2,2,'15110',0,0,NOSUCH,26);TX(OBJNAM,1,2,2,'15110',0,0,CHBLK,26);TX(OBJNAM,1,2)"));
  }

  @Test
  void instructionsThatDoNotFitTheGeometryAreDropped() {
    // A fill or pattern needs an area; a line needs a line or an area.
    assertEquals(List.of("SY(NEWOBJ01)"), of(POINT, "AC(DEPDW);LS(SOLD,1,CHGRD);LC(CHCRDEL1);AP(DIAMOND1)"));
    assertEquals(List.of("LS(SOLD,1,CHGRD)"), of(LINE, "AC(DEPDW);LS(SOLD,1,CHGRD);AP(DIAMOND1)"));
  }

  @Test
  void withoutAValidInstructionTheGeometryDefault() {
    assertEquals(List.of("SY(NEWOBJ01)"), of(POINT, "nothing here"));
    assertEquals(List.of("LC(NEWOBJ01)"), of(LINE, "SY("));
    assertEquals(List.of("SY(NEWOBJ01)", "LS(DASH,2,CHMGD)"), of(AREA, " "));
    assertEquals(List.of("LC(NEWOBJ01)"), symins.instructions(feature("NEWOBJ", LINE), MarinerSettings.defaults()));
  }

  @Test
  void itIsFoundByTheNameTheTablesCite() throws IOException {
    Presentation builtIn = BuiltInPresentation.load(StylingData.builtInDir());
    assertEquals("SYMINS", ConditionalProcedures.of(builtIn).apply("SYMINS02").orElseThrow().name());
    assertEquals("DEPARE", ConditionalProcedures.of(builtIn).apply("DEPARE03").orElseThrow().name());
    assertEquals(true, ConditionalProcedures.byName("SYMINS02").isEmpty(), "byName alone has no presentation to check against");
  }
}
