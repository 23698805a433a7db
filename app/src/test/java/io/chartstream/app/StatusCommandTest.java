package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ops.RunAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} against a work dir with no run going on says so, whether no run ever started
 * there or one died and left its {@code run.json}. (A live run: {@code OperationsEndToEndTest}.)
 */
class StatusCommandTest {
  @TempDir Path workDir;

  @Test
  void aWorkDirWithoutARunSaysSo() {
    String err = status();
    assertTrue(err.contains("no run is going on in " + workDir), err);
  }

  @Test
  void aRunThatDiedIsToldFromALiveOne() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    new RunAddress("127.0.0.1:1", "http://127.0.0.1:2", null, "http://127.0.0.1:3/", "/in", "/x.dbv", gone.pid()).write(workDir);
    String err = status();
    assertTrue(err.contains("(pid " + gone.pid() + ") is not running any more"), err);
  }

  private String status() {
    LauncherRun run = LauncherRun.of("status", "--work-dir", workDir.toString());
    assertEquals(StatusCommand.NOT_RUNNING, run.exit());
    return run.stderr();
  }
}
