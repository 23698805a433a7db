package io.chartstream.topology.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (a bug, or input no check foresaw) is one dead letter,
 * {@code processing_failed}, with the position of the source record, the processor and the
 * exception, and the topology goes on with the next record. The stack trace goes to the log.
 * Also called for a failed punctuation, with no record.
 */
public final class SkipFailedRecords implements ProcessingExceptionHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(SkipFailedRecords.class);
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = TopologyErrorHandlers.deadLetters(configs);
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String position = TopologyErrorHandlers.position(context);
    LOGGER.error("Processor {} failed on the record at {}; it is skipped", context.processorNodeId(), position, exception);
    String chartId = record != null && record.key() instanceof String s ? s : TopologyErrorHandlers.chartIdOf(context.sourceRawKey());
    deadLetters.send(chartId != null ? chartId : position, TopologyErrorHandlers.error(position, chartId, "process",
        "processing_failed", "processor " + context.processorNodeId() + " failed on the record at offset " + context.offset()
            + " of " + context.topic() + " partition " + context.partition() + " ("
            + TopologyErrorHandlers.describe(exception) + "): skipped", context.sourceRawValue()));
    return ProcessingHandlerResponse.CONTINUE;
  }
}
