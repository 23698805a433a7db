package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.StylingFeatures.AREA;
import static io.chartstream.topology.s52.StylingFeatures.LINE;
import static io.chartstream.topology.s52.StylingFeatures.POINT;
import static io.chartstream.topology.s52.StylingFeatures.feature;
import static io.chartstream.topology.s52.StylingFeatures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.rcl.RclKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class S52StylerTest {
  private static final TableChoice SIMPLIFIED_PLAIN = new TableChoice(TableChoice.Boundaries.PLAIN, TableChoice.Points.SIMPLIFIED);
  private static final TableChoice PAPER_SYMBOLIZED = TableChoice.defaults();

  private static Presentation dai;
  private static Presentation builtIn;

  @BeforeAll
  static void load() throws IOException {
    dai = PresLibReader.read(StylingData.dai());
    builtIn = BuiltInPresentation.load(StylingData.builtInDir());
  }

  private static S52Styler styler(Presentation presentation, TableChoice tables) {
    return new S52Styler(presentation, MarinerSettings.defaults(), tables, ConditionalProcedures.of(presentation));
  }

  /** A stub procedure: fixed instructions, and it records the names it was asked for. */
  private static ConditionalProcedure procedure(String name, String... instructions) {
    return new ConditionalProcedure() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> instructions(S57Feature feature, MarinerSettings settings) {
        return List.of(instructions);
      }
    };
  }

  /** The first instruction of the .dai entry whose ATTC field is exactly {@code attc}, read from the file's text. */
  private static String firstInstructionInFile(String objectClass, String table, String attc) throws IOException {
    List<String> lines = Files.readAllLines(StylingData.dai(), StandardCharsets.ISO_8859_1);
    for (int i = 0; i < lines.size() - 2; i++) {
      String lupt = lines.get(i);
      if (lupt.startsWith("LUPT") && lupt.substring(19, 25).equals(objectClass) && lupt.contains("P0") && lupt.contains(table + "\u001f")
          && lines.get(i + 1).substring(9).replace("\r", "").equals(attc)) {
        String inst = lines.get(i + 2).substring(9);
        return inst.substring(0, inst.indexOf(';'));
      }
    }
    throw new AssertionError("no " + objectClass + " " + table + " entry with ATTC " + attc + " in the file");
  }

  @Test
  void aLateralCanBuoyGetsItsSymbolFromThePresLib() throws IOException {
    S57Feature canRed = feature("BOYLAT", POINT, "BOYSHP", 2, "COLOUR", list("3"), "OBJNAM", "R 2");
    S52Style simplified = styler(dai, SIMPLIFIED_PLAIN).style(canRed);
    assertEquals("SIMPLIFIED BOYLAT BOYSHP2 COLOUR3", simplified.getLookup());
    assertFalse(simplified.getFallback());
    assertEquals(firstInstructionInFile("BOYLAT", "SIMPLIFIED", "BOYSHP2\u001fCOLOUR3\u001f"), simplified.getInstructions().getFirst());
    assertEquals("SY(BOYLAT24)", simplified.getInstructions().getFirst());
    assertEquals(8, simplified.getDisplayPriority());
    assertEquals("STANDARD", simplified.getDisplayCategory());
    assertEquals(27010, simplified.getViewingGroup());
    assertTrue(simplified.getRadarOverlay());
    // The TE text is drawn in CHBLK: resolved in all three palettes.
    PaletteColour black = simplified.getColours().get("CHBLK");
    assertEquals(dai.colourTable(Palette.DAY).hex("CHBLK").orElseThrow(), black.getDay());
    assertEquals(dai.colourTable(Palette.NIGHT).hex("CHBLK").orElseThrow(), black.getNight());

    S52Style paper = styler(dai, PAPER_SYMBOLIZED).style(canRed);
    assertEquals("PAPER_CHART BOYLAT BOYSHP2", paper.getLookup());
    assertEquals(firstInstructionInFile("BOYLAT", "PAPER_CHART", "BOYSHP2\u001f"), paper.getInstructions().getFirst());
  }

  @Test
  void theBuiltInTablesGiveTheSameBuoy() {
    S57Feature canRed = feature("BOYLAT", POINT, "BOYSHP", 2, "COLOUR", list("3"));
    assertEquals("SY(BOYLAT24)", styler(builtIn, SIMPLIFIED_PLAIN).style(canRed).getInstructions().getFirst());
    assertEquals("SY(BOYCAN01)", styler(builtIn, PAPER_SYMBOLIZED).style(canRed).getInstructions().getFirst());
  }

  @Test
  void anUnknownObjectClassGetsTheFallback() {
    for (Presentation presentation : List.of(dai, builtIn)) {
      S52Style style = styler(presentation, PAPER_SYMBOLIZED).style(feature("ZZZZZZ", POINT));
      assertTrue(style.getFallback());
      assertEquals(S52Styler.FALLBACK, style.getLookup());
      assertEquals(List.of("SY(QUESMRK1)"), style.getInstructions());
      S52Style area = styler(presentation, SIMPLIFIED_PLAIN).style(feature("ZZZZZZ", AREA));
      assertEquals(List.of("SY(QUESMRK1)", "LS(DASH,1,CHMGD)"), area.getInstructions());
      assertTrue(area.getColours().containsKey("CHMGD"));
    }
  }

  @Test
  void aFeatureMatchingNoConditionGetsTheClassDefault() {
    S52Style style = styler(dai, PAPER_SYMBOLIZED).style(feature("BOYLAT", POINT, "BOYSHP", 99));
    assertEquals("PAPER_CHART BOYLAT", style.getLookup());
    assertFalse(style.getFallback());
  }

  @Test
  void boundaryStyleChoosesTheAreaTable() {
    S57Feature cableArea = feature("CBLARE", AREA);
    assertTrue(styler(dai, SIMPLIFIED_PLAIN).style(cableArea).getInstructions().contains("LS(DASH,2,CHMGD)"));
    assertTrue(styler(dai, PAPER_SYMBOLIZED).style(cableArea).getInstructions().contains("LC(CBLARE51)"));
  }

  @Test
  void procedureInstructionsReplaceTheCsInstruction() {
    List<String> asked = new ArrayList<>();
    Function<String, Optional<ConditionalProcedure>> registry = name -> {
      asked.add(name);
      return name.equals("DEPARE") ? Optional.of(procedure("DEPARE", "AC(DEPVS)", "LS(SOLD,1,DEPSC);AP(DIAMOND1)")) : Optional.empty();
    };
    S52Styler styler = new S52Styler(dai, MarinerSettings.defaults(), PAPER_SYMBOLIZED, registry);
    S52Style style = styler.style(feature("DEPARE", AREA, "DRVAL1", 0.0, "DRVAL2", 5.0));
    assertEquals(List.of("AC(DEPVS)", "LS(SOLD,1,DEPSC)", "AP(DIAMOND1)"), style.getInstructions());
    assertEquals(List.of("DEPVS", "DEPSC"), List.copyOf(style.getColours().keySet()));
    PaletteColour depvs = style.getColours().get("DEPVS");
    assertEquals(dai.colourTable(Palette.DUSK).hex("DEPVS").orElseThrow(), depvs.getDusk());
    assertTrue(asked.contains("DEPARE"), "asked without version first: " + asked);
    assertFalse(asked.contains("DEPARE03"), "the name without version was found: " + asked);
    // An unknown procedure is asked by both names; a feature whose entry cites it is a stage error.
    assertTrue(asked.contains("RESTRN") && asked.contains("RESTRN01"), asked.toString());
    StageException e = assertThrows(StageException.class, () -> styler.style(feature("ACHARE", AREA)));
    assertEquals("s52_unknown_procedure", e.code());
    assertTrue(e.getMessage().contains("CS(RESTRN01)") && e.getMessage().contains("ACHARE"), e.getMessage());
  }

  @Test
  void aProcedureGivingASymbolTheLibraryLacksIsAStageException() {
    S52Styler styler = new S52Styler(dai, MarinerSettings.defaults(), PAPER_SYMBOLIZED,
        name -> Optional.of(procedure(name, "SY(NOSUCH01)")));
    StageException e = assertThrows(StageException.class, () -> styler.style(feature("WRECKS", POINT, "CATWRK", 2)));
    assertEquals("s52_unknown_symbol", e.code());
    assertTrue(e.getMessage().contains("NOSUCH01"), e.getMessage());
  }

  @Test
  void aFailingProcedureIsAStageException() {
    ConditionalProcedure failing = new ConditionalProcedure() {
      @Override
      public String name() {
        return "SOUNDG";
      }

      @Override
      public List<String> instructions(S57Feature feature, MarinerSettings settings) {
        throw new IllegalStateException("no depth");
      }
    };
    S52Styler styler = new S52Styler(dai, MarinerSettings.defaults(), PAPER_SYMBOLIZED,
        name -> name.equals("SOUNDG") ? Optional.of(failing) : Optional.empty());
    StageException e = assertThrows(StageException.class, () -> styler.style(feature("SOUNDG", POINT)));
    assertEquals("s52_procedure_failed", e.code());
    assertTrue(e.getMessage().contains("CS(SOUNDG03)") && e.getMessage().contains("no depth"), e.getMessage());

    S52Styler unknownColour = new S52Styler(dai, MarinerSettings.defaults(), PAPER_SYMBOLIZED,
        name -> name.equals("SOUNDG") ? Optional.of(procedure("SOUNDG", "AC(NOSUCH)")) : Optional.empty());
    assertEquals("s52_unknown_colour", assertThrows(StageException.class,
        () -> unknownColour.style(feature("SOUNDG", POINT))).code());
  }

  @Test
  void aFeatureWithoutGeometryDrawsNothing() {
    S52Style style = styler(dai, PAPER_SYMBOLIZED).style(feature("C_AGGR", 255));
    assertTrue(style.getFallback());
    assertEquals(List.of(), style.getInstructions());
  }

  @Test
  void theSameFeatureGivesEqualStyles() {
    S52Styler styler = new S52Styler(dai, MarinerSettings.defaults(), PAPER_SYMBOLIZED,
        name -> Optional.of(procedure(name, "LS(SOLD,1,CHBLK)", "AC(CHGRD)")));
    S57Feature wreck = feature("WRECKS", POINT, "CATWRK", 2);
    assertEquals(styler.style(wreck), styler.style(wreck));
    assertEquals(styler(builtIn, PAPER_SYMBOLIZED).style(feature("COALNE", LINE)),
        styler(builtIn, PAPER_SYMBOLIZED).style(feature("COALNE", LINE)));
  }

  @Test
  void theStageSetsTheStyleOnEveryPiece() {
    S52Styler styler = styler(builtIn, PAPER_SYMBOLIZED);
    S57Feature land = feature("LNDARE", AREA, "OBJNAM", "Island");
    List<PieceDraft> pieces = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pieces.add(new PieceDraft(RclKey.of(1, i, 5), new GeometryFactory().createPoint(), TileFeature.newBuilder()));
    }
    assertNull(pieces.getFirst().record().getStyle());
    styler.process(land, null, pieces);
    for (PieceDraft piece : pieces) {
      assertEquals(styler.style(land), piece.record().getStyle());
    }
    assertSame(pieces.get(0).record().getStyle(), pieces.get(2).record().getStyle());
    assertEquals("AC(LANDA)", pieces.getFirst().record().getStyle().getInstructions().getFirst());
  }

  @Test
  void aColourTokenTheTablesLackIsRejectedAtConstruction() {
    LookupEntry bad = new LookupEntry(LookupTableName.LINES, "COALNE", List.of(), List.of("LS(SOLD,1,NOSUCH)"), 7,
        true, DisplayCategory.DISPLAYBASE, 12410, "test:1");
    Presentation broken = Presentation.of("test", dai.colourTables(), List.of(bad));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> styler(broken, PAPER_SYMBOLIZED));
    assertTrue(e.getMessage().contains("NOSUCH") && e.getMessage().contains("test:1"), e.getMessage());
  }

  /** With the PresLib, every feature of the ECDIS Chart 1 cells (every symbol of the library) is a lookup hit. */
  @Test
  void everyEcdisChart1FeatureIsALookupHitWithThePresLib() {
    List<String> misses = new ArrayList<>();
    int styled = 0;
    for (TableChoice tables : List.of(SIMPLIFIED_PLAIN, PAPER_SYMBOLIZED)) {
      S52Styler styler = styler(dai, tables);
      for (Map.Entry<String, List<S57Feature>> chart : StylingData.ecdisChart1().entrySet()) {
        for (S57Feature f : chart.getValue()) {
          styled++;
          if (styler.style(f).getFallback()) {
            misses.add(chart.getKey() + " " + f.getObjectClass() + "/" + f.getPrimitive());
          }
        }
      }
    }
    assertEquals(List.of(), misses);
    assertTrue(styled > 2000, "features styled: " + styled);
  }
}
