package io.chartstream.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chartstream.app.ClusterSettings;
import io.chartstream.app.ConfigDir;
import io.chartstream.app.LocalImages;
import io.chartstream.app.Main;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose.yml and the Dockerfile, checked structurally in seconds, with no Docker engine
 * ({@link ComposeDeploymentTest} starts the deployment): parsed
 * with a real YAML parser, then the things that would break {@code docker compose up} or leave
 * the cluster half-working: the services the deployment needs, a consistent KRaft quorum, every
 * chartstream command parsing with the real command line, scaling from config, every file it
 * mounts or builds from present, Prometheus scraping every component by its service name, and
 * every image a public default that docker/images/local.env overrides.
 */
class ComposeFileTest {
  private static final Set<String> BROKERS = Set.of("kafka-1", "kafka-2", "kafka-3");
  private static final List<String> REQUIRED = List.of("kafka-1", "kafka-2", "kafka-3", "schema-registry", "connect",
      "topology", "sink", "s3", "prometheus", "burrow");
  /** What Prometheus scrapes: every component but the S3 store (MinIO and S3Proxy share no metrics endpoint). */
  private static final List<String> SCRAPED = REQUIRED.stream().filter(s -> !s.equals("s3")).toList();
  private static final Pattern OVERRIDABLE_IMAGE = Pattern.compile("\\$\\{(\\w+):-([^}]+)}");

  static Path root;
  static JsonNode services;

  @BeforeAll
  static void parse() throws IOException {
    root = ConfigDir.find().getParent();
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
    services = compose.get("services");
    assertTrue(services != null && services.isObject(), "docker-compose.yml has no services");
  }

  @Test
  void everyComponentOfTheDeploymentIsAService() {
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertTrue(names.containsAll(REQUIRED), "missing services: " + REQUIRED.stream().filter(s -> !names.contains(s)).toList());
    for (String name : names) {
      JsonNode service = services.get(name);
      assertTrue(service.has("image") || service.has("build"), name + " has neither image nor build");
      dependsOn(service).forEach(d -> assertTrue(names.contains(d), name + " depends on unknown service " + d));
    }
  }

  @Test
  void threeKraftBrokersFormOneQuorum() {
    Map<Integer, String> voters = new LinkedHashMap<>();
    Set<String> quorums = new HashSet<>();
    Set<String> clusterIds = new HashSet<>();
    Set<String> hostPorts = new HashSet<>();
    for (String broker : BROKERS) {
      JsonNode service = services.get(broker);
      JsonNode env = service.get("environment");
      assertEquals("${KAFKA_IMAGE:-apache/kafka:4.1.1}", service.get("image").asText(), broker);
      assertTrue(env.get("KAFKA_PROCESS_ROLES").asText().contains("controller"), broker + " is no controller");
      int id = Integer.parseInt(env.get("KAFKA_NODE_ID").asText());
      assertTrue(voters.put(id, broker) == null, "node id " + id + " used twice");
      quorums.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
      clusterIds.add(env.get("CLUSTER_ID").asText());
      String controllerListener = env.get("KAFKA_CONTROLLER_LISTENER_NAMES").asText();
      Matcher port = Pattern.compile(controllerListener + "://[^:,]*:(\\d+)").matcher(env.get("KAFKA_LISTENERS").asText());
      assertTrue(port.find(), broker + " does not listen as " + controllerListener);
      assertTrue(env.get("KAFKA_ADVERTISED_LISTENERS").asText().contains("PLAINTEXT://" + broker + ":9092"),
          broker + " must advertise itself by its service name to the other containers");
      assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").asText());
      assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS").asText(), "one broker may be lost, no more");
      service.get("ports").forEach(p -> assertTrue(hostPorts.add(p.asText().split(":")[0]), "host port published twice: " + p));
      assertEquals("1@kafka-1:" + port.group(1) + ",2@kafka-2:" + port.group(1) + ",3@kafka-3:" + port.group(1),
          env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText(), broker + ": the voters must be every node on its controller port");
    }
    assertEquals(Set.of(1, 2, 3), voters.keySet());
    assertEquals(1, quorums.size(), "the brokers disagree on the quorum: " + quorums);
    assertEquals(1, clusterIds.size(), "the brokers disagree on the cluster id: " + clusterIds);
  }

  @Test
  void chartstreamCommandsParseAndTheTopologyScalesWithinThePartitions() throws IOException {
    ClusterSettings cluster = ClusterSettings.load(root.resolve("config/cluster.properties"));
    int replicas = services.get("topology").get("deploy").get("replicas").asInt();
    assertTrue(replicas > 1, "the topology must run several instances: deploy.replicas " + replicas);
    assertTrue(replicas * cluster.threads() <= cluster.partitions(),
        replicas + " instances of " + cluster.threads() + " threads would leave some idle with " + cluster.partitions() + " partitions");
    assertTrue(cluster.replication() <= BROKERS.size() && cluster.standbyReplicas() < replicas);
    for (String name : List.of("topology", "sink")) {
      List<String> command = strings(services.get(name).get("command"));
      List<String> unknown = parse(command);
      assertTrue(unknown.isEmpty(), name + ": chartstream does not know " + unknown);
      assertBrokersOnly(name, command.get(command.indexOf("--bootstrap-servers") + 1));
      assertEquals("http://schema-registry:8081", command.get(command.indexOf("--schema-registry-url") + 1), name);
      assertTrue(command.contains("--http-port"), name + " serves no /metrics for Prometheus");
      {
        assertEquals("0.0.0.0", command.get(command.indexOf("--http-bind") + 1), name + " must serve /metrics beyond its container's loopback");
        assertTrue(scrapeTargets().contains(name + ":" + command.get(command.indexOf("--http-port") + 1)), name + " is not scraped on its --http-port");
      }
    }
    List<String> topology = strings(services.get("topology").get("command"));
    assertEquals("/opt/chartstream/config/cluster.properties", topology.get(topology.indexOf("--cluster-config") + 1));
    assertBrokersOnly("schema-registry", services.get("schema-registry").get("environment").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").asText());
    assertBrokersOnly("connect", properties(root.resolve("config/connect-distributed.properties")).getProperty("bootstrap.servers"));
  }

  @Test
  void theConnectWorkerFindsTheConnectorOnItsPluginPath() throws Exception {
    Properties worker = properties(root.resolve("config/connect-distributed.properties"));
    assertEquals("/opt/chartstream/plugins", worker.getProperty("plugin.path"));
    assertTrue(dockerfile().contains("COPY --from=build /out/plugin/ /opt/chartstream/plugins/chartstream-s57/"),
        "the Dockerfile must put the connector in a directory under plugin.path");
    assertEquals("3", worker.getProperty("offset.storage.replication.factor"));
    JsonNode connector = new ObjectMapper().readTree(root.resolve("config/connector-s57.json").toFile());
    Class<?> type = Class.forName(connector.get("connector.class").asText());
    assertTrue(org.apache.kafka.connect.source.SourceConnector.class.isAssignableFrom(type), type + " is no source connector");
    assertEquals("http://schema-registry:8081", connector.get("schema.registry.url").asText());
    List<String> mounts = strings(services.get("connect").get("volumes"));
    assertTrue(mounts.stream().anyMatch(m -> m.endsWith(":" + connector.get("input").asText() + ":ro")), "the connector's input is not mounted: " + mounts);
  }

  @Test
  void everyFileTheComposeFileMountsOrBuildsFromExists() {
    List<String> missing = new ArrayList<>();
    services.fields().forEachRemaining(entry -> {
      JsonNode build = entry.getValue().get("build");
      if (build != null && build.isObject()) {
        Path context = root.resolve(build.get("context").asText());
        if (!Files.isDirectory(context) || !Files.isRegularFile(context.resolve(build.path("dockerfile").asText("Dockerfile")))) {
          missing.add(entry.getKey() + ": build " + build);
        }
      } else if (build != null && !build.asText().startsWith("https://")) {
        missing.add(entry.getKey() + ": build context " + build.asText());
      }
      for (String volume : strings(entry.getValue().get("volumes"))) {
        String source = volume.split(":")[0];
        // ${VAR:-default}: the default is what a plain `docker compose up` mounts.
        Matcher variable = Pattern.compile("\\$\\{\\w+:-([^}]*)}").matcher(volume);
        if (variable.find()) {
          source = variable.group(1);
        }
        if (source.startsWith(".") && !Files.exists(root.resolve(source))) {
          missing.add(entry.getKey() + ": " + volume);
        }
      }
    });
    assertTrue(missing.isEmpty(), "referenced but missing: " + missing);
  }

  @Test
  void prometheusScrapesEveryComponentByItsServiceName() {
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    Set<String> scraped = new TreeSet<>();
    for (String target : scrapeTargets()) {
      String host = target.split(":")[0];
      assertTrue(names.contains(host), "Prometheus scrapes " + target + ", which is no service");
      scraped.add(host);
    }
    Set<String> unscraped = new TreeSet<>(SCRAPED);
    unscraped.removeAll(scraped);
    assertTrue(unscraped.isEmpty(), "not scraped by Prometheus: " + unscraped);
    assertTrue(strings(services.get("prometheus").get("volumes")).contains("./config/prometheus.yml:/etc/prometheus/prometheus.yml:ro"));
    for (String broker : BROKERS) {
      String agent = services.get(broker).get("environment").get("KAFKA_OPTS").asText();
      assertTrue(agent.contains("=9404:") && scraped.contains(broker), broker + ": the JMX exporter must listen where it is scraped");
    }
  }

  /**
   * Every image of the default deployment is {@code ${VARIABLE:-public image}}, and
   * docker/images/local.env gives each variable a local image, so the same file runs offline.
   */
  @Test
  void everyImageIsAPublicDefaultTheLocalImagesOverride() {
    Properties local = LocalImages.names();
    Set<String> variables = new TreeSet<>();
    services.fields().forEachRemaining(entry -> {
      if (entry.getValue().has("profiles")) {
        return; // optional services (--profile lag), not part of the deployment the tests start
      }
      String image = entry.getValue().path("image").asText();
      Matcher overridable = OVERRIDABLE_IMAGE.matcher(image);
      assertTrue(overridable.matches(), entry.getKey() + ": image " + image + " is not ${VARIABLE:-public image}");
      assertFalse(overridable.group(2).startsWith("chartstream-local/"), entry.getKey() + ": the default must be the public image");
      assertTrue(local.getProperty(overridable.group(1), "").startsWith("chartstream-local/"),
          entry.getKey() + ": docker/images/local.env gives " + overridable.group(1) + " no local image");
      variables.add(overridable.group(1));
    });
    assertEquals(new TreeSet<>(local.stringPropertyNames()), variables, "local.env and docker-compose.yml name the same images");
  }

  @Test
  void theDockerfileBuildsWithJdk25AndRunsOnBookwormWithGdal() throws IOException {
    String dockerfile = dockerfile();
    List<String> stages = new ArrayList<>();
    Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(dockerfile);
    while (from.find()) {
      stages.add(from.group(1) + " " + from.group(2));
    }
    assertEquals(2, stages.size(), "a build stage and a runtime stage: " + stages);
    assertTrue(stages.get(0).matches("maven:\\S+-eclipse-temurin-25 build"), stages.get(0));
    assertTrue(stages.get(1).matches("debian:bookworm\\S* runtime"), stages.get(1));
    String runtime = dockerfile.substring(dockerfile.indexOf("AS runtime"));
    assertTrue(runtime.contains("COPY --from=eclipse-temurin:25-jre /opt/java/openjdk"), "the runtime has no JDK 25");
    assertTrue(Pattern.compile("apt-get install[^\\n]*libgdal32").matcher(runtime).find(), "the runtime does not install libgdal32");
    Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
    while (copy.find()) {
      assertTrue(Files.exists(root.resolve(copy.group(1))), "the Dockerfile copies a missing " + copy.group(1));
    }
    for (String script : List.of("docker/chartstream.sh", "docker/connect-worker.sh")) {
      assertTrue(Files.isExecutable(root.resolve(script)), script + " is not executable");
      assertTrue(Files.readString(root.resolve(script)).contains(script.endsWith("chartstream.sh") ? Main.class.getName()
          : "org.apache.kafka.connect.cli.ConnectDistributed"), script);
    }
    String ignored = Files.readString(root.resolve(".dockerignore"));
    assertTrue(ignored.contains("**/target/"), "build outputs would be sent as build context");
  }

  /** chartstream's real command line parses {@code command}; returns the arguments it does not know. */
  private static List<String> parse(List<String> command) {
    CommandLine cli = new CommandLine(new Main());
    cli.getSubcommands().get(command.get(0)).setUnmatchedArgumentsAllowed(true);
    CommandLine.ParseResult result = cli.parseArgs(command.toArray(String[]::new));
    assertTrue(result.hasSubcommand(), "no chartstream command: " + command);
    return result.subcommand().unmatched();
  }

  private static void assertBrokersOnly(String who, String bootstrap) {
    Set<String> hosts = new TreeSet<>();
    for (String server : bootstrap.split(",")) {
      String hostPort = server.replaceFirst("^\\w+://", "");
      assertTrue(hostPort.endsWith(":9092"), who + ": " + server + " is not a broker's PLAINTEXT port");
      hosts.add(hostPort.split(":")[0]);
    }
    assertEquals(new TreeSet<>(BROKERS), hosts, who + " bootstraps from " + bootstrap);
  }

  private static List<String> scrapeTargets() {
    try {
      JsonNode prometheus = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("config/prometheus.yml").toFile());
      List<String> targets = new ArrayList<>();
      for (JsonNode job : prometheus.get("scrape_configs")) {
        job.path("static_configs").forEach(c -> targets.addAll(strings(c.get("targets"))));
        job.path("dns_sd_configs").forEach(c -> strings(c.get("names")).forEach(n -> targets.add(n + ":" + c.get("port").asText())));
      }
      assertFalse(targets.isEmpty());
      return targets;
    } catch (IOException e) {
      throw new AssertionError("config/prometheus.yml: " + e.getMessage(), e);
    }
  }

  private static List<String> dependsOn(JsonNode service) {
    JsonNode depends = service.get("depends_on");
    if (depends == null) {
      return List.of();
    }
    if (depends.isArray()) {
      return strings(depends);
    }
    List<String> names = new ArrayList<>();
    depends.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static String dockerfile() throws IOException {
    return Files.readString(root.resolve("Dockerfile"));
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }
}
