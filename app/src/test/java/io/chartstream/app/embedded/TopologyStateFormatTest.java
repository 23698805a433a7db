package io.chartstream.app.embedded;

import io.chartstream.topology.streams.StoreNames;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyStateFormatTest {
  static final String APP = EmbeddedTopology.APPLICATION_ID;

  @Test
  void stateFiledByChartVersionIsRefusedWithTheFix() {
    var e = assertThrows(IllegalStateException.class, () -> TopologyStateFormat.check(APP,
        Set.of("s57.features", APP + "-rcl-pieces-changelog", APP + "-chart-rcls-changelog")));
    assertTrue(e.getMessage().contains("chartstream replay --work-dir"), e.getMessage());
  }

  @Test
  void stateFiledPiecePerFeatureIsRefusedToo() {
    var e = assertThrows(IllegalStateException.class, () -> TopologyStateFormat.check(APP,
        Set.of(APP + "-rcl-pieces-changelog", APP + "-chart-features-changelog")));
    assertTrue(e.getMessage().contains("chartstream replay --work-dir"), e.getMessage());
  }

  @Test
  void aFreshBrokerOrTheCurrentStateIsAccepted() {
    assertDoesNotThrow(() -> TopologyStateFormat.check(APP, Set.of("s57.features", "charts.catalog")));
    assertDoesNotThrow(() -> TopologyStateFormat.check(APP, Set.of(APP + "-" + StoreNames.RCL_SECTIONS + "-changelog",
        APP + "-" + StoreNames.CHART_FEATURES + "-changelog", APP + "-" + StoreNames.CHART_PIECES + "-changelog")));
  }
}
