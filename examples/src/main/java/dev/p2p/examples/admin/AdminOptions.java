package dev.p2p.examples.admin;

import picocli.CommandLine.Option;

/** The options every admin command takes, mixed into each: {@code --json} and {@code --help}. */
public final class AdminOptions {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
