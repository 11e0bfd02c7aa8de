package dev.p2p.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the carriers' published API specs (OpenAPI files such as {@code twilio_api_v2010.json} and
 * {@code bandwidth.yml}) that adapter tests check their requests against. The specs are data kept
 * outside the project: the directory named by the system property {@value #DIR_PROPERTY}, else a
 * {@code shared/specs} folder beside the project or one of its parents.
 *
 * <p>Where the specs cannot be found (a fresh clone without them), spec checks are skipped, unless
 * the system property {@value #REQUIRED_PROPERTY} is {@code true} (as CI sets it), which makes a
 * missing spec fail the test.
 */
public final class CarrierSpecs {
  /** The system property naming the directory that holds the specs. */
  public static final String DIR_PROPERTY = "p2p.specs.dir";

  /** The system property that, when {@code true}, makes a missing spec an error. */
  public static final String REQUIRED_PROPERTY = "p2p.specs.required";

  private CarrierSpecs() {}

  /** The spec file with this name, if it can be found. */
  public static Optional<Path> find(String fileName) {
    String dir = System.getProperty(DIR_PROPERTY, "");
    if (!dir.isBlank()) {
      Path named = Path.of(dir).resolve(fileName);
      if (Files.isRegularFile(named)) {
        return Optional.of(named);
      }
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path candidate = at.resolve("shared").resolve("specs").resolve(fileName);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether a missing spec is an error here ({@value #REQUIRED_PROPERTY} is {@code true}). */
  public static boolean required() {
    return Boolean.getBoolean(REQUIRED_PROPERTY);
  }

  /**
   * The spec file with this name; when it cannot be found, an empty result (checks are skipped) or,
   * when specs are {@link #required()}, an {@link AssertionError} saying where it looked.
   */
  public static Optional<Path> locate(String fileName) {
    Optional<Path> found = find(fileName);
    if (found.isEmpty() && required()) {
      throw new AssertionError(
          fileName
              + " not found: set -D"
              + DIR_PROPERTY
              + " to the folder holding the carriers' specs (no shared/specs folder above "
              + Path.of("").toAbsolutePath()
              + ")");
    }
    return found;
  }
}
