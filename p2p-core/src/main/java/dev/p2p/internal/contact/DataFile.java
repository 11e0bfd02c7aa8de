package dev.p2p.internal.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small comma-separated data tables shipped in this package's resources. */
final class DataFile {
  private DataFile() {}

  /**
   * The rows of a resource next to this class, split on commas, without {@code #} comment lines,
   * blank lines and the column-name line that follows the comments.
   *
   * @throws IllegalStateException if the resource is missing (a packaging error)
   */
  static List<String[]> rows(String resource, int columns) {
    InputStream in = DataFile.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource dev/p2p/internal/contact/" + resource);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] parts = line.split(",", -1);
        if (parts.length != columns) {
          throw new IllegalStateException(resource + ": bad line: " + line);
        }
        rows.add(parts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
    return rows;
  }
}
