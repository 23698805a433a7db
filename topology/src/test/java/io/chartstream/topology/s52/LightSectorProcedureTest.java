package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.4 LIGHTS06 continuation (figure 9): sector legs and arcs. */
class LightSectorProcedureTest {
  @Test
  void legsAndArcAreSeenFromTheLight() {
    // A red sector from 045° to 135° (from seaward) is seen from the light between 225° and 315°.
    assertEquals(List.of("LG(DASH,1,CHBLK,225,25,MM)", "LG(DASH,1,CHBLK,315,25,MM)",
            "AR(SOLD,4,OUTLW,225,315,20)", "AR(SOLD,2,LITRD,225,315,20)"),
        LightSectorProcedure.sector(45, 135, List.of(3), false));
  }

  @Test
  void sectorThroughNorthWraps() {
    // SECTR2 < SECTR1: SECTR2 += 360, a 90° sector from 300° to 030°.
    assertEquals(List.of("LG(DASH,1,CHBLK,120,25,MM)", "LG(DASH,1,CHBLK,210,25,MM)",
            "AR(SOLD,4,OUTLW,120,210,20)", "AR(SOLD,2,LITGN,120,210,20)"),
        LightSectorProcedure.sector(300, 30, List.of(4), false));
    assertEquals(List.of("LG(DASH,1,CHBLK,350.5,25,MM)", "LG(DASH,1,CHBLK,10.25,25,MM)",
            "AR(SOLD,4,OUTLW,350.5,370.25,20)", "AR(SOLD,2,LITYW,350.5,370.25,20)"),
        LightSectorProcedure.sector(170.5, 190.25, List.of(1), false));
  }

  @Test
  void faintOrObscuredSectorIsADashedBlackArc() {
    assertEquals(List.of("LG(DASH,1,CHBLK,225,25,MM)", "LG(DASH,1,CHBLK,315,25,MM)", "AR(DASH,1,CHBLK,225,315,20)"),
        LightSectorProcedure.sector(45, 135, List.of(3), true));
  }

  @Test
  void majorLightArcIsAllRoundAt26Millimetres() {
    assertEquals(List.of("AR(SOLD,4,OUTLW,0,360,26)", "AR(SOLD,2,CHMGD,0,360,26)"), LightSectorProcedure.allRound(List.of(2)));
  }

  @Test
  void numbersAndAngles() {
    assertEquals("225", LightSectorProcedure.number(225.0));
    assertEquals("22.5", LightSectorProcedure.number(22.5));
    assertEquals("0.33", LightSectorProcedure.number(1.0 / 3));
    assertEquals(350.0, LightSectorProcedure.normalize(-10));
    assertEquals(10.0, LightSectorProcedure.normalize(370));
  }
}
