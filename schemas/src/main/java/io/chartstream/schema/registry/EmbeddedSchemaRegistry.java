package io.chartstream.schema.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process schema registry: the embedded default of chartstream, so a run on the embedded
 * broker needs no registry server and its topics still decode with any Confluent-compatible
 * client. It serves the REST subset of {@link RegistryHttpApi} on 127.0.0.1 (other interfaces only
 * when asked, for {@code chartstream registry}: it has no authentication), and keeps its schemas in a compacted Kafka topic,
 * {@code _schemas} by default, keyed like Confluent's registry.
 *
 * <p>Before it serves, it reads the topic from the beginning to its end, so a registry started
 * again on the same broker hands out the same ids. Every registration is acknowledged by Kafka
 * before the HTTP answer.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
 *      SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) { … }
 * }</pre>
 *
 * @see SchemaStore for the registration rules
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  /** Confluent's default topic ({@code kafkastore.topic}). */
  public static final String DEFAULT_TOPIC = "_schemas";
  // Not getLoopbackAddress(): that is ::1 when the JVM prefers IPv6, and clients are told 127.0.0.1.
  private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");

  private final HttpServer server;
  private final ExecutorService executor;
  private final SchemaStore store;
  private final String topic;
  private final String url;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaStore store, String topic) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.topic = topic;
    InetAddress bound = server.getAddress().getAddress();
    this.url = "http://" + (bound.isAnyLocalAddress() ? LOOPBACK : bound).getHostAddress() + ":" + server.getAddress().getPort();
  }

  /**
   * Starts a registry on {@code port} of 127.0.0.1 (0: any free port) that keeps its schemas in
   * {@value #DEFAULT_TOPIC} on the broker at {@code bootstrapServers}.
   */
  public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
    return start(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), port, DEFAULT_TOPIC);
  }

  /**
   * Starts a registry on {@code port} of 127.0.0.1 (0: any free port) that keeps its schemas in
   * {@code topic}, created compacted with one partition if missing.
   *
   * @param kafkaClientConfig {@code bootstrap.servers} and any settings every Kafka client needs
   *                          (security on a cluster); producer and consumer settings are the registry's own
   */
  public static EmbeddedSchemaRegistry start(Map<String, Object> kafkaClientConfig, int port, String topic) {
    return start(kafkaClientConfig, new InetSocketAddress(LOOPBACK, port), topic);
  }

  /**
   * Starts a registry served on {@code address}, for a registry of its own on a cluster
   * ({@code chartstream registry}): on another interface than the loopback it serves anyone who
   * reaches that interface, without authentication, as Confluent's registry does by default.
   */
  public static EmbeddedSchemaRegistry start(Map<String, Object> kafkaClientConfig, InetSocketAddress address, String topic) {
    Objects.requireNonNull(kafkaClientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), "bootstrap.servers");
    SchemaStore store = SchemaStore.open(Map.copyOf(kafkaClientConfig), topic);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      HttpServer server = HttpServer.create(address, 0);
      server.createContext("/", new RegistryHttpApi(store));
      server.setExecutor(executor);
      server.start();
      EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(server, executor, store, topic);
      LOGGER.info("Embedded schema registry on {} with schemas in {}", registry.url, topic);
      return registry;
    } catch (IOException | RuntimeException e) {
      executor.close();
      store.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot listen on " + address, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The base URL for clients, e.g. {@code http://127.0.0.1:41873}. */
  public String url() {
    return url;
  }

  /** The port it listens on, the one chosen when started with port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The Kafka topic that holds its schemas. */
  public String topic() {
    return topic;
  }

  /**
   * Stops serving (requests in progress get a second to finish) and closes its Kafka clients;
   * the schemas stay in the topic. Closing again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(1);
    executor.close();
    store.close();
    LOGGER.info("Embedded schema registry on {} stopped", url);
  }
}
