package io.chartstream.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One {@code chartstream} command run in this JVM, as the launcher would run it, with what it
 * printed on stdout and stderr. Test support: the streams are swapped for the call, so commands
 * run through it one at a time.
 *
 * @param exit the command's exit status
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
public record LauncherRun(int exit, String stdout, String stderr) {

  /** Runs {@code chartstream args…} and captures its output. */
  public static LauncherRun of(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new LauncherRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs a command that must succeed and returns its standard output. */
  public static String stdoutOf(String... args) {
    LauncherRun run = of(args);
    if (run.exit != 0) {
      throw new AssertionError("chartstream " + String.join(" ", args) + " exited " + run.exit + ": " + run.stderr);
    }
    return run.stdout;
  }

  /** Runs a command that must fail and returns its standard error. */
  public static String stderrOf(String... args) {
    LauncherRun run = of(args);
    if (run.exit == 0) {
      throw new AssertionError("chartstream " + String.join(" ", args) + " succeeded; expected a failure");
    }
    return run.stderr;
  }
}
