package io.chartstream.schema.serde;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A copy of a reader schema in which every Avro string, map keys included, reads as
 * {@link String} rather than Avro's {@code Utf8}.
 *
 * <p>The generated classes already ask for {@code String} (their schemas carry
 * {@code "avro.java.string": "String"}), but a bare schema such as the {@code string} of a key
 * does not, and a {@code Utf8} does not {@code equals} the {@code String} it was written from, so
 * keys would silently stop matching. Avro's fast reader (on by default) looks only at that schema
 * property, hence a marked copy rather than an overridden datum reader. The caller's schema is
 * left alone: it may be the very schema a serializer registers.
 */
final class JavaStringReaderSchema {
  private JavaStringReaderSchema() {}

  /** A copy of {@code schema} with every string marked {@code "avro.java.string": "String"}. */
  static Schema of(Schema schema) {
    Schema copy = new Schema.Parser().parse(schema.toString());
    mark(copy, Collections.newSetFromMap(new IdentityHashMap<>()));
    return copy;
  }

  private static void mark(Schema schema, Set<Schema> seen) {
    if (!seen.add(schema)) {
      return; // a named type used twice, or a recursive one
    }
    switch (schema.getType()) {
      case STRING -> markAsJavaString(schema);
      case MAP -> {
        markAsJavaString(schema); // the property on a map schema types its keys
        mark(schema.getValueType(), seen);
      }
      case ARRAY -> mark(schema.getElementType(), seen);
      case UNION -> schema.getTypes().forEach(branch -> mark(branch, seen));
      case RECORD -> schema.getFields().forEach(field -> mark(field.schema(), seen));
      default -> { }
    }
  }

  private static void markAsJavaString(Schema schema) {
    // A string type chosen explicitly (e.g. "Utf8" for speed) is the schema author's to keep.
    if (schema.getProp(GenericData.STRING_PROP) == null) {
      schema.addProp(GenericData.STRING_PROP, GenericData.StringType.String.name());
    }
  }
}
