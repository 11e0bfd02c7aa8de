package dev.p2p.examples.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a rendered report shows beyond the {@link dev.p2p.report.ActionReport} itself.
 *
 * @param zone the time zone hours and the generation time are shown in
 * @param variantBodies the initial message's variants, in the script's order; may be shorter than
 *     the report's variants (or empty), the missing bodies are left blank
 * @param description one line describing the run, such as {@code 10,000 contacts, 25 texters, seed
 *     42, H2}; empty for none
 * @param exports file names of CSV exports to link to, relative to the HTML file
 */
public record ReportContext(
    ZoneId zone, List<String> variantBodies, String description, List<String> exports) {

  /** Checks presence and copies the lists. */
  public ReportContext {
    Objects.requireNonNull(zone, "zone");
    variantBodies = List.copyOf(variantBodies);
    Objects.requireNonNull(description, "description");
    exports = List.copyOf(exports);
  }

  /** A context with only a time zone: no variant bodies, description or exports. */
  public static ReportContext of(ZoneId zone) {
    return new ReportContext(zone, List.of(), "", List.of());
  }

  /** The body of the variant at {@code index}, or an empty string when not given. */
  String variantBody(int index) {
    return index >= 0 && index < variantBodies.size() ? variantBodies.get(index) : "";
  }
}
