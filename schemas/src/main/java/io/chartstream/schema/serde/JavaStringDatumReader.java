package io.chartstream.schema.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A {@link SpecificDatumReader} that reads Avro strings as {@link String} rather than Avro's
 * {@code Utf8}, also where the reader schema does not say so.
 *
 * <p>The generated classes already ask for {@code String} (their schemas carry
 * {@code "avro.java.string": "String"}), but a bare reader schema such as the {@code string} of a
 * key does not; a {@code Utf8} there would not {@code equals} the {@code String} it was written
 * from, and keys would silently stop matching.
 */
final class JavaStringDatumReader<T> extends SpecificDatumReader<T> {

  JavaStringDatumReader(Schema writer, Schema reader) {
    super(writer, reader);
  }

  @Override
  protected Class<?> findStringClass(Schema schema) {
    Class<?> stringClass = super.findStringClass(schema);
    boolean unspecified = stringClass == CharSequence.class && schema.getProp(GenericData.STRING_PROP) == null;
    return unspecified ? String.class : stringClass;
  }
}
