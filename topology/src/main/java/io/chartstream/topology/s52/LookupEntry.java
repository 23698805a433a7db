package io.chartstream.topology.s52;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of an S-52 lookup table (S-52 PresLib 4.0 §8.3.3, the LUPT record with its ATTC,
 * INST, DISC and LUCM fields): for an object class and attribute conditions, how to draw it.
 *
 * @param table           the lookup table the entry belongs to
 * @param objectClass     the S-57 object class acronym, e.g. {@code BOYLAT}; {@code ######} is
 *                        the PresLib's entry for unknown classes
 * @param conditions      all must hold for the entry to apply; empty for the class default
 * @param instructions    symbology instructions in PresLib syntax, one per element, e.g.
 *                        {@code SY(BOYLAT13)}, {@code CS(DEPARE03)}; empty when nothing is drawn
 * @param displayPriority 0 (drawn first) to 9
 * @param radarOverlay    drawn over the radar image (PresLib {@code O}) rather than under it ({@code S})
 * @param displayCategory which display selection shows it
 * @param viewingGroup    the viewing group, e.g. 27010 (0 when the source gives none)
 * @param origin          where the entry was read, {@code file:line}, for messages
 */
public record LookupEntry(LookupTableName table, String objectClass, List<AttributeCondition> conditions,
                          List<String> instructions, int displayPriority, boolean radarOverlay,
                          DisplayCategory displayCategory, int viewingGroup, String origin) {
  /** The object class of the PresLib's entries for classes it does not know. */
  public static final String UNKNOWN_CLASS = "######";

  private static final Pattern OBJECT_CLASS = Pattern.compile("[A-Za-z_$#]{6}");

  public LookupEntry {
    if (table == null || objectClass == null || displayCategory == null) {
      throw new IllegalArgumentException("a lookup entry needs a table, an object class and a display category");
    }
    if (!OBJECT_CLASS.matcher(objectClass).matches()) {
      throw new IllegalArgumentException("object class '" + objectClass + "' is not six letters");
    }
    if (displayPriority < 0 || displayPriority > 9) {
      throw new IllegalArgumentException("display priority " + displayPriority + " is not 0..9");
    }
    if (viewingGroup < 0) {
      throw new IllegalArgumentException("viewing group " + viewingGroup + " is negative");
    }
    conditions = List.copyOf(conditions);
    instructions = List.copyOf(instructions);
  }

  /** Whether this is the class default: an entry without attribute conditions. */
  public boolean isDefault() {
    return conditions.isEmpty();
  }

  /**
   * What the entry is, for {@code S52Style.lookup}: table, object class and conditions, e.g.
   * {@code PAPER_CHART BOYLAT BOYSHP2 COLOUR3}.
   */
  public String label() {
    StringBuilder label = new StringBuilder(table.name()).append(' ').append(objectClass);
    for (AttributeCondition condition : conditions) {
      label.append(' ').append(condition);
    }
    return label.toString();
  }
}
