package io.chartstream.topology.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * An output record that cannot be serialized or sent is one dead letter, {@code unwritable_record},
 * naming the topic it was for, the source record's position and the reason, and is skipped. (Under
 * exactly-once a send that fails also aborts the transaction, so records too large for their topic
 * are refused before they reach the producer; this covers what remains.)
 */
public final class SkipUnwritableRecords implements ProductionExceptionHandler {
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = TopologyErrorHandlers.deadLetters(configs);
  }

  @Override
  public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                   Exception exception) {
    report(context, record.topic(), record.value() == null ? 0 : record.value().length, exception);
    return ProductionExceptionHandlerResponse.CONTINUE;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context, ProducerRecord record,
                                                                        Exception exception, SerializationExceptionOrigin origin) {
    report(context, record.topic(), -1, exception);
    return ProductionExceptionHandlerResponse.CONTINUE;
  }

  private void report(ErrorHandlerContext context, String topic, int size, Exception exception) {
    String position = TopologyErrorHandlers.position(context);
    String chartId = TopologyErrorHandlers.chartIdOf(context.sourceRawKey());
    deadLetters.send(chartId != null ? chartId : position, TopologyErrorHandlers.error(position, chartId, "write",
        "unwritable_record", "a record for " + topic + (size >= 0 ? " of " + size + " bytes" : "")
            + ", made from the record at offset " + context.offset() + " of " + context.topic() + " partition "
            + context.partition() + ", cannot be written (" + TopologyErrorHandlers.describe(exception) + "): skipped", null));
  }
}
