package io.chartstream.app;

import io.chartstream.dbv.DbvException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chartstream} command: dispatches to one subcommand per component or tool. */
@Command(name = "chartstream", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "S-57 nautical charts produced as a stream on Apache Kafka.",
    subcommands = {RunCommand.class, ReplayCommand.class, IngestCommand.class, TopologyCommand.class, SinkCommand.class, RegistryCommand.class, InspectCommand.class, RenderCommand.class, S52ConvertCommand.class, PublishCommand.class, StatusCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with a dbv that cannot be read or written (another format version, not a
   * dbv at all) reported as one line naming the file and the fix, not a stack trace.
   */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof DbvException) {
        command.getErr().println("chartstream " + command.getCommandName() + ": " + e.getMessage());
        return 2;
      }
      throw e;
    });
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"chartstream " + (version == null ? "dev" : version)};
    }
  }
}
