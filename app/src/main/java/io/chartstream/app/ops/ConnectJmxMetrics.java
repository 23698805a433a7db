package io.chartstream.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The Connect worker's own metrics (source task throughput and batch times, connector and task
 * states, its producers' send rates), which Kafka publishes only as JMX beans: Micrometer's Kafka
 * binders need the client objects, which the worker keeps to itself. Beans appear as tasks
 * start, so each scrape registers the ones not seen yet; text attributes (class names, versions)
 * are left out.
 */
final class ConnectJmxMetrics {
  private static final List<String> PATTERNS = List.of(
      "kafka.connect:type=source-task-metrics,*",
      "kafka.connect:type=task-error-metrics,*",
      "kafka.connect:type=connector-task-metrics,*",
      "kafka.connect:type=connect-worker-metrics",
      "kafka.producer:type=producer-metrics,client-id=connector-producer-*");

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Set<ObjectName> seen = new HashSet<>();

  synchronized void registerNew(MeterRegistry registry) {
    for (String pattern : PATTERNS) {
      try {
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
          if (seen.add(name)) {
            register(registry, name);
          }
        }
      } catch (JMException e) {
        throw new IllegalStateException("cannot list the JMX beans " + pattern + ": " + e.getMessage(), e);
      }
    }
  }

  private void register(MeterRegistry registry, ObjectName name) throws JMException {
    String prefix = name.getDomain() + "." + name.getKeyProperty("type");
    for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
      if (Double.isNaN(read(name, attribute.getName())) && !(server.getAttribute(name, attribute.getName()) instanceof Number)) {
        continue; // class names, versions, states as text: not a series
      }
      List<Tag> tags = new ArrayList<>();
      for (Map.Entry<String, String> key : name.getKeyPropertyList().entrySet()) {
        if (!key.getKey().equals("type")) {
          tags.add(Tag.of(key.getKey(), key.getValue()));
        }
      }
      String attr = attribute.getName();
      if (attr.endsWith("-total")) { // Kafka's cumulative counts: Prometheus counters (…_total)
        FunctionCounter.builder(prefix + "." + attr.substring(0, attr.length() - "-total".length()), this, m -> m.read(name, attr))
            .description(attribute.getDescription()).tags(tags).register(registry);
      } else {
        Gauge.builder(prefix + "." + attr, this, m -> m.read(name, attr)).description(attribute.getDescription())
            .tags(tags).register(registry);
      }
    }
  }

  private double read(ObjectName name, String attribute) {
    try {
      return server.getAttribute(name, attribute) instanceof Number n ? n.doubleValue() : Double.NaN;
    } catch (JMException e) {
      return Double.NaN; // the task stopped and its bean went away
    }
  }
}
