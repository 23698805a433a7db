package io.chartstream.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chartstream} command: dispatches to one subcommand per component or tool. */
@Command(name = "chartstream", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "S-57 nautical charts produced as a stream on Apache Kafka.",
    subcommands = {RunCommand.class, ReplayCommand.class, IngestCommand.class, TopologyCommand.class, SinkCommand.class, RegistryCommand.class, InspectCommand.class, RenderCommand.class, PublishCommand.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
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
