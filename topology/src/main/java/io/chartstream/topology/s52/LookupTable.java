package io.chartstream.topology.s52;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One S-52 lookup table and the choice of its entry for a feature (S-52 PresLib 4.0 §8.3.3,
 * look-up tables: finding the symbology of an object).
 *
 * <p>The choice, among the entries of the feature's object class, in the order the source lists
 * them:
 * <ol>
 *   <li>an entry applies when every one of its attribute conditions holds
 *       ({@link AttributeCondition#matches});</li>
 *   <li>of the applying entries with conditions, the one with the most conditions wins; on a tie
 *       the first listed, as the PresLib orders its entries from specific to general;</li>
 *   <li>when none applies, the class default: the first entry without conditions;</li>
 *   <li>a class with no entry here, or with no default and no applying entry, has none:
 *       {@link #choose} is empty and the caller uses {@link #fallback()}.</li>
 * </ol>
 *
 * <p>Immutable ({@code @Immutable}); the choice allocates nothing.
 *
 * @see LookupEntry
 * @see S52Styler
 */
public final class LookupTable {
  private final LookupTableName name;
  private final List<LookupEntry> entries;
  private final Map<String, List<LookupEntry>> byClass;

  /**
   * @param entries in the source's order; every one must belong to {@code name}
   * @throws IllegalArgumentException when an entry belongs to another table
   */
  public LookupTable(LookupTableName name, List<LookupEntry> entries) {
    this.name = name;
    this.entries = List.copyOf(entries);
    Map<String, List<LookupEntry>> grouped = new LinkedHashMap<>();
    for (LookupEntry entry : this.entries) {
      if (entry.table() != name) {
        throw new IllegalArgumentException("entry " + entry.label() + " (" + entry.origin() + ") is not in table " + name);
      }
      grouped.computeIfAbsent(entry.objectClass(), k -> new ArrayList<>()).add(entry);
    }
    grouped.replaceAll((k, v) -> List.copyOf(v));
    this.byClass = Collections.unmodifiableMap(grouped);
  }

  public LookupTableName name() {
    return name;
  }

  /** Every entry, in the source's order. */
  public List<LookupEntry> entries() {
    return entries;
  }

  /** The object classes with at least one entry, {@code ######} included when present. */
  public Set<String> objectClasses() {
    return byClass.keySet();
  }

  /** The entries of one object class, in the source's order; empty when it has none. */
  public List<LookupEntry> entries(String objectClass) {
    return byClass.getOrDefault(objectClass, List.of());
  }

  /**
   * The entry for a feature of {@code objectClass} with {@code attributes} (by acronym), by the
   * rules above; empty when the class has no entry that applies.
   */
  public Optional<LookupEntry> choose(String objectClass, Map<String, Object> attributes) {
    LookupEntry best = null;
    LookupEntry classDefault = null;
    for (LookupEntry entry : entries(objectClass)) {
      if (entry.isDefault()) {
        if (classDefault == null) {
          classDefault = entry;
        }
      } else if ((best == null || entry.conditions().size() > best.conditions().size()) && allMatch(entry, attributes)) {
        best = entry;
      }
    }
    return Optional.ofNullable(best != null ? best : classDefault);
  }

  /** The PresLib's entry for unknown object classes ({@code ######}), if the table has one. */
  public Optional<LookupEntry> fallback() {
    return entries(LookupEntry.UNKNOWN_CLASS).stream().filter(LookupEntry::isDefault).findFirst();
  }

  private static boolean allMatch(LookupEntry entry, Map<String, Object> attributes) {
    for (AttributeCondition condition : entry.conditions()) {
      if (!condition.matches(attributes)) {
        return false;
      }
    }
    return true;
  }
}
