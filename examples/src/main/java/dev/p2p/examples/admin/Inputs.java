package dev.p2p.examples.admin;

import dev.p2p.ValidationException;
import dev.p2p.contact.ImportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of the admin commands' arguments that picocli cannot make: each is bad usage, exit 2. */
final class Inputs {
  private Inputs() {}

  /**
   * The file, if it is a regular file this process can read.
   *
   * @throws ParameterException naming the file otherwise
   */
  static Path readableFile(CommandSpec spec, Path file) {
    String problem;
    if (!Files.exists(file)) {
      problem = "does not exist";
    } else if (!Files.isRegularFile(file)) {
      problem = "is not a regular file";
    } else if (!Files.isReadable(file)) {
      problem = "cannot be read (permissions)";
    } else {
      return file;
    }
    throw new ParameterException(spec.commandLine(), "FILE " + file + " " + problem);
  }

  /**
   * Import options for phones of this default region.
   *
   * @throws ParameterException if the region is not a two-letter ISO 3166 code
   */
  static ImportOptions importOptions(CommandSpec spec, String region) {
    try {
      return ImportOptions.builder().defaultRegion(region).build();
    } catch (ValidationException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--region " + region + " is not a two-letter ISO 3166 region such as US or CA");
    }
  }
}
