package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A service command whose work stops on its own ends non-zero, saying why, so that a supervisor
 * (a container's restart policy {@code on-failure}, systemd) starts it again. Before, `sink`
 * returned 0 when its thread died (brokers not reachable yet at start in the compose deployment),
 * and Docker left the sink down for good.
 */
class ServiceExitTest {
  @TempDir Path dir;

  @Test
  void aSinkThatCannotReachItsBrokersExitsNonZeroNamingWhy() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens there once closed
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int status;
    System.setErr(new PrintStream(err, true));
    try {
      status = new CommandLine(new Main()).execute("sink", "--bootstrap-servers", "127.0.0.1:" + closedPort,
          "--schema-registry-url", "http://127.0.0.1:" + closedPort, "--dbv", dir.resolve("x.dbv").toString(),
          "--http-port", "0");
    } finally {
      System.setErr(original);
    }
    assertEquals(RunCommand.STAGE_DIED, status, err.toString());
    assertTrue(err.toString().contains("the dbv sink stopped"), err.toString());
  }
}
