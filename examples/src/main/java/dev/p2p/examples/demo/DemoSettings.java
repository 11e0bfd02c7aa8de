package dev.p2p.examples.demo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the demo runs.
 *
 * @param contacts rows of the generated contact list
 * @param texters volunteers
 * @param seed the seed of every random choice: the same seed replays the same day
 * @param jdbcUrl a PostgreSQL or MariaDB URL; empty for H2 files in the output folder
 * @param organizationId the organization the run texts for
 * @param outputDirectory where the list, the database (H2), the exports and the report go
 */
public record DemoSettings(
    int contacts,
    int texters,
    long seed,
    Optional<String> jdbcUrl,
    String organizationId,
    Path outputDirectory) {
  /** Checks presence and ranges. */
  public DemoSettings {
    if (contacts < 1) {
      throw new IllegalArgumentException("contacts must be at least 1, was " + contacts);
    }
    if (texters < 1) {
      throw new IllegalArgumentException("texters must be at least 1, was " + texters);
    }
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
  }
}
