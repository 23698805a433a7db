package io.chartstream.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymbolFileTest {
  private static final String SMALL = """
      # a comment
      SY | EMAREMG1 | 2232,812 | 2068,812,329,164 | A:CHMGD | - | SPA;SW1;PU2068,812;PD2233,976;PD2397,812; | Embedded symbol
      LC | ACHARE51 | 108,812 | 306,814,3030,1 | A:CHMGD | - | SPA;SW1;PU306,812;PD906,812;PU606,812;SCEMAREMG1,2; | boundary | of an anchorage area
      AP | DIAMOND1 | 2250,2250 | 1125,93,2250,4313 | \\:DEPCN | LIN CON 0 0 | SP\\;SW1;PU1125,93;PD3375,4406; | shallow
      """;

  @Test
  void readsEveryKindAndWritesItBack() {
    SymbolLibrary library = SymbolFile.read("small.psv", SMALL);
    SymbolDefinition line = library.lineStyle("ACHARE51").orElseThrow();
    assertEquals(new SymbolBox(306, 814, 3030, 1), line.box());
    assertEquals("boundary | of an anchorage area", line.description(), "the description runs to the line end");
    SymbolDefinition pattern = library.pattern("DIAMOND1").orElseThrow();
    assertEquals(new PatternFill(PatternFill.Arrangement.LINEAR, PatternFill.Spacing.CONSTANT, 0, 0), pattern.fill());
    assertEquals(Map.of('\\', "DEPCN"), pattern.colours());
    assertTrue(library.symbol("ACHARE51").isEmpty(), "kinds are apart");
    SymbolLibrary again = SymbolFile.read("again.psv", SymbolFile.write(List.of("header"), library));
    assertEquals(library.definitions(), again.definitions());
  }

  @Test
  void malformedLinesNameFileAndLine() {
    assertMalformed(SMALL.replace("SY | EMAREMG1", "SX | EMAREMG1"), "small.psv:2:", "kind");
    assertMalformed(SMALL.replace("2232,812 |", "2232 |"), "small.psv:2:", "pivot");
    assertMalformed(SMALL.replace("A:CHMGD | - | SPA;SW1;PU2068", "A-CHMGD | - | SPA;SW1;PU2068"), "small.psv:2:", "letter:TOKEN");
    assertMalformed(SMALL.replace("LIN CON 0 0", "DOT CON 0 0"), "small.psv:4:", "DOT");
    assertMalformed(SMALL.replace("PD2233,976;", "QQ2233,976;"), "small.psv", "QQ2233");
    assertMalformed(SMALL.replace("SCEMAREMG1,2", "SCNOSUCH1,2"), "small.psv", "NOSUCH1");
    assertMalformed(SMALL + SMALL.lines().skip(1).findFirst().orElseThrow(), "small.psv", "twice");
  }

  @Test
  void thePatternFillBelongsToPatternsOnly() {
    Map<Character, String> colours = new LinkedHashMap<>();
    colours.put('A', "CHBLK");
    assertThrows(IllegalArgumentException.class, () -> new SymbolDefinition(SymbolKind.SYMBOL, "X", 0, 0,
        new SymbolBox(0, 0, 1, 1), colours, new PatternFill(PatternFill.Arrangement.LINEAR, PatternFill.Spacing.CONSTANT, 0, 0), "", ""));
    assertThrows(IllegalArgumentException.class, () -> new SymbolDefinition(SymbolKind.PATTERN, "X", 0, 0,
        new SymbolBox(0, 0, 1, 1), colours, null, "", ""));
  }

  @Test
  void theBuiltInLibraryIsOnTheClassPath() {
    SymbolLibrary builtIn = SymbolLibrary.builtIn();
    assertTrue(builtIn.symbol("BOYLAT13").isPresent());
    assertTrue(builtIn.lineStyle("ACHARE51").isPresent());
    assertTrue(builtIn.pattern("DIAMOND1").isPresent());
    assertTrue(ColourTokens.builtIn().get("CHRED").isPresent());
    assertTrue(ColourTokens.builtIn().colours().keySet().containsAll(builtIn.colourTokens()),
        "every colour the definitions name is a token of the palettes");
  }

  private static void assertMalformed(String text, String prefix, String detail) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymbolFile.read("small.psv", text));
    assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().contains(detail), e.getMessage());
  }
}
