package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.16 SNDFRM04, safety depth 10 m. */
class SoundingSymbolProcedureTest {
  private static final S57Feature PLAIN = feature("SOUNDG", POINT);

  private static List<String> sy(String symbols) {
    return List.of(symbols.split(" ")).stream().map(s -> "SY(" + s + ")").toList();
  }

  @ParameterizedTest(name = "{0} m → {1}")
  @CsvSource(delimiter = ';', value = {
      "4.5; SOUNDS14 SOUNDS55",                     // algorithm 1, shallow
      "4; SOUNDS14 SOUNDS50",                       // algorithm 1 always draws the tenths
      "10; SOUNDS11 SOUNDS00",                      // at the safety depth: still shallow; whole: algorithm 3
      "12.3; SOUNDG21 SOUNDG12 SOUNDG53",           // algorithm 2; decimal, so 12.3 has tenths 3
      "26.7; SOUNDG22 SOUNDG16 SOUNDG57",           // the CSP's own example
      "30.99; SOUNDG23 SOUNDG10 SOUNDG59",          // tenths truncated
      "25; SOUNDG12 SOUNDG05",                      // algorithm 3
      "45.7; SOUNDG14 SOUNDG05",                    // from 31 m truncated to metres
      "123.4; SOUNDG21 SOUNDG12 SOUNDG03",          // algorithm 4
      "1234; SOUNDG21 SOUNDG12 SOUNDG03 SOUNDG44",  // algorithm 5
      "10994; SOUNDG31 SOUNDG20 SOUNDG19 SOUNDG09 SOUNDG44", // algorithm 6
      "-1.5; SOUNDSA1 SOUNDS11 SOUNDS55",           // drying height: A1, digits of the magnitude
  })
  void digits(double depth, String symbols) {
    assertEquals(sy(symbols), SoundingSymbolProcedure.instructions(depth, PLAIN, safety(10, 10)));
  }

  @Test
  void sweptOrFoundByDiverGetsB1First() {
    var swept = feature("SOUNDG", POINT, "TECSOU", codes(6));
    assertEquals(sy("SOUNDSB1 SOUNDS14 SOUNDS55"), SoundingSymbolProcedure.instructions(4.5, swept, safety(10, 10)));
    var diver = feature("SOUNDG", POINT, "TECSOU", codes(1, 4));
    assertEquals(sy("SOUNDGB1 SOUNDG21 SOUNDG12 SOUNDG53"), SoundingSymbolProcedure.instructions(12.3, diver, safety(10, 10)));
  }

  @Test
  void lowReliabilityGetsOneC2() {
    assertEquals(sy("SOUNDSC2 SOUNDS14 SOUNDS55"),
        SoundingSymbolProcedure.instructions(4.5, feature("SOUNDG", POINT, "QUASOU", codes(4)), safety(10, 10)));
    assertEquals(sy("SOUNDSC2 SOUNDS14 SOUNDS55"),
        SoundingSymbolProcedure.instructions(4.5, feature("SOUNDG", POINT, "STATUS", codes(18)), safety(10, 10)));
    assertEquals(sy("SOUNDSC2 SOUNDS14 SOUNDS55"),
        SoundingSymbolProcedure.instructions(4.5, feature("SOUNDG", POINT, "QUAPOS", 4L), safety(10, 10)));
    assertEquals(sy("SOUNDSB1 SOUNDSC2 SOUNDS14 SOUNDS55"), SoundingSymbolProcedure.instructions(4.5,
        feature("SOUNDG", POINT, "TECSOU", codes(6), "QUASOU", codes(5), "QUAPOS", 5L), safety(10, 10)));
    assertEquals(sy("SOUNDS14 SOUNDS55"),
        SoundingSymbolProcedure.instructions(4.5, feature("SOUNDG", POINT, "QUASOU", codes(1, 6)), safety(10, 10)),
        "depth known, least depth known: reliable");
  }

  @Test
  void digitsSplitInDecimal() {
    assertEquals(new SoundingSymbolProcedure.Digits(12, 3, true, false), SoundingSymbolProcedure.Digits.of(12.3));
    assertEquals(new SoundingSymbolProcedure.Digits(4, 0, false, false), SoundingSymbolProcedure.Digits.of(4.0));
    assertEquals(new SoundingSymbolProcedure.Digits(1, 5, true, true), SoundingSymbolProcedure.Digits.of(-1.5));
    assertEquals(new SoundingSymbolProcedure.Digits(12, 0, true, false), SoundingSymbolProcedure.Digits.of(12.03));
  }
}
