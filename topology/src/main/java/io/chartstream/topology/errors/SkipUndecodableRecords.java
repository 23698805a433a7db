package io.chartstream.topology.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record the topology cannot decode (not in the wire format, an unknown schema id, bytes that
 * are not the schema's) is one dead letter, {@code undecodable_record}, with its position and
 * first bytes, and is skipped.
 */
public final class SkipUndecodableRecords implements DeserializationExceptionHandler {
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = TopologyErrorHandlers.deadLetters(configs);
  }

  @Override
  public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                               Exception exception) {
    String position = TopologyErrorHandlers.position(context);
    String chartId = TopologyErrorHandlers.chartIdOf(record.key());
    deadLetters.send(chartId != null ? chartId : position, TopologyErrorHandlers.error(position, chartId, "decode",
        "undecodable_record", "the record at offset " + context.offset() + " of " + context.topic() + " partition "
            + context.partition() + " cannot be decoded (" + TopologyErrorHandlers.describe(exception) + "): skipped",
        record.value()));
    return DeserializationHandlerResponse.CONTINUE;
  }
}
