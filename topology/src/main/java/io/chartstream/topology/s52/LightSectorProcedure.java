package io.chartstream.topology.s52;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * S-52 CSP <b>LIGHTS06, continuation</b> (PresLib 4.0, CSP §13.2.4, figures 9 and 10): the legs
 * and arc of a sector light, and the all-round arc of a major light.
 *
 * <p>PresLib has no instruction for a line of given bearing and length from a point, nor for an
 * arc, so this procedure emits two extension instructions in PresLib's style (style, width and
 * colour as in {@code LS}; bearings in degrees true, seen <em>from the light</em>, i.e. the
 * S-57 sector limits, which are given from seaward, already turned by 180°):
 * <dl>
 *   <dt>{@code LG(PSTYLE,WIDTH,COLOUR,BEARING,LENGTH,UNIT)}</dt>
 *   <dd>a leg: a straight line from the light along {@code BEARING}, {@code LENGTH} long in
 *       {@code UNIT} {@code MM} (millimetres on the display) or {@code NM} (nautical miles on the
 *       ground), e.g. {@code LG(DASH,1,CHBLK,225,25,MM)}: the CSP's {@code LS(DASH,1,CHBLK)} sector
 *       leg.</dd>
 *   <dt>{@code AR(PSTYLE,WIDTH,COLOUR,START,END,RADIUS)}</dt>
 *   <dd>an arc centred on the light, clockwise from bearing {@code START} to {@code END}
 *       ({@code 0 <= START < 360}, {@code START < END <= START + 360}), of radius {@code RADIUS}
 *       millimetres on the display, e.g. {@code AR(SOLD,2,LITRD,225,315,20)}.</dd>
 * </dl>
 * A sector light gets both legs ({@code LS(DASH,1,CHBLK)}, 25 mm), then its arc at 20 mm: for a
 * faint or (partly) obscured light ({@code LITVIS} 3, 7, 8) {@code DASH,1,CHBLK}, else a
 * {@code SOLD,4,OUTLW} outline under a {@code SOLD,2} arc in the light's colour. No light
 * description is written for a sector light ("it would cause clutter").
 *
 * <p>Limits: full-length legs (to the nominal range) are a mariner option that
 * {@link MarinerSettings} does not carry, so legs are 25 mm. The CSP draws a sector's arc at
 * 25 mm instead of 20 mm when it overlaps a larger sector of another light at the same position;
 * a per-feature stage sees no other light, so every arc is 20 mm.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see LightsProcedure
 */
final class LightSectorProcedure {
  /** Leg length on the display without full-length legs, mm. */
  static final int LEG_LENGTH_MM = 25;
  /** Sector arc radius on the display, mm (25 mm, the extended radius, needs co-located lights). */
  static final int ARC_RADIUS_MM = 20;
  /** Radius of a major light's all-round arc, mm. */
  static final int MAJOR_ARC_RADIUS_MM = 26;

  private LightSectorProcedure() {}

  /** The continuation for a sector from SECTR1 to SECTR2 (degrees from seaward). */
  static List<String> sector(double sectr1, double sectr2, List<Integer> colours, boolean faint) {
    double sweep = normalize(sectr2 - sectr1);
    if (sweep == 0) {
      sweep = 360;
    }
    double start = normalize(sectr1 + 180);
    double end = start + sweep;
    String legStart = leg("DASH,1,CHBLK", start, LEG_LENGTH_MM, "MM");
    String legEnd = leg("DASH,1,CHBLK", normalize(sectr2 + 180), LEG_LENGTH_MM, "MM");
    if (faint) {
      return List.of(legStart, legEnd, arc("DASH,1,CHBLK", start, end, ARC_RADIUS_MM));
    }
    String colour = LightsProcedure.arcColour(colours);
    return List.of(legStart, legEnd,
        arc("SOLD,4,OUTLW", start, end, ARC_RADIUS_MM),
        arc("SOLD,2," + colour, start, end, ARC_RADIUS_MM));
  }

  /** A major all-round light's 360° arc: outline, then the light's colour. */
  static List<String> allRound(List<Integer> colours) {
    String colour = LightsProcedure.arcColour(colours);
    return List.of(arc("SOLD,4,OUTLW", 0, 360, MAJOR_ARC_RADIUS_MM),
        arc("SOLD,2," + colour, 0, 360, MAJOR_ARC_RADIUS_MM));
  }

  /** {@code LG(style,bearing,length,unit)}; see the class comment. */
  static String leg(String style, double bearing, double length, String unit) {
    return "LG(" + style + "," + number(bearing) + "," + number(length) + "," + unit + ")";
  }

  private static String arc(String style, double start, double end, int radius) {
    return "AR(" + style + "," + number(start) + "," + number(end) + "," + radius + ")";
  }

  /** Degrees into [0, 360). */
  static double normalize(double degrees) {
    double d = degrees % 360;
    return d < 0 ? d + 360 : d;
  }

  /** Plain decimal without trailing zeros, to 0.01: {@code 225}, {@code 22.5}. */
  static String number(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
