package io.chartstream.app.embedded;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services chartstream needs, started in this JVM when no cluster is given: a single-node
 * KRaft broker and a schema registry persisted in its {@code _schemas} topic, both under the
 * work dir, so a second start on the same work dir continues where the first stopped.
 */
public final class EmbeddedPlatform implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedPlatform.class);

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;

  private EmbeddedPlatform(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
    this.broker = broker;
    this.registry = registry;
  }

  public static EmbeddedPlatform start(Path workDir) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir);
    try {
      EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
      LOGGER.info("Embedded schema registry on {}", registry.url());
      return new EmbeddedPlatform(broker, registry);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return registry.url();
  }

  /** Stops the registry, then the broker; both keep their data in the work dir. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (AutoCloseable service : List.<AutoCloseable>of(registry, broker)) {
      try {
        service.close();
      } catch (Exception e) {
        failures.add(new RuntimeException(e));
      }
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }
}
