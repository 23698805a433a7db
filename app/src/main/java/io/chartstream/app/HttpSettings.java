package io.chartstream.app;

import io.chartstream.app.ops.HttpEndpoint;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/**
 * Where the metrics and the operator page are served (a picocli mixin): 127.0.0.1 unless the
 * operator binds elsewhere on purpose.
 */
public final class HttpSettings {
  static final int DEFAULT_PORT = 8470;

  @Option(names = "--http-port", description = "Port of /metrics and the operator page; 0 for any free port (default: "
      + DEFAULT_PORT + ", or a free one if taken).")
  Integer port;

  @Option(names = "--http-bind", defaultValue = "127.0.0.1", description = "Address to serve on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
  String bind;

  @Option(names = "--http-host", description = "A host name the operator page is reached by (repeatable), e.g. behind a proxy;"
      + " IP addresses and localhost always work, any other name is refused (DNS rebinding).")
  java.util.List<String> hostNames = new java.util.ArrayList<>();

  HttpEndpoint endpoint() {
    return new HttpEndpoint(new InetSocketAddress(bind, port == null ? DEFAULT_PORT : port), port == null, java.util.Set.copyOf(hostNames));
  }
}
