package io.chartstream.app.ops;

import java.net.InetSocketAddress;

/**
 * Where a component serves its metrics (and, for {@code run}, the operator page).
 *
 * @param anyPortIfTaken serve on a free port when the chosen one is taken (only for the default
 *     port: a port the operator chose must be that port, or an error)
 * @param hostNames names the page may be reached by besides IP literals and {@code localhost}
 */
public record HttpEndpoint(InetSocketAddress address, boolean anyPortIfTaken, java.util.Set<String> hostNames) {
  public HttpEndpoint {
    hostNames = java.util.Set.copyOf(hostNames);
  }
}
