package dev.p2p.examples.admin;

import java.io.PrintWriter;
import java.util.Locale;

/** Writes an {@link EstimateResult} as text for a terminal. */
final class EstimateText {
  private EstimateText() {}

  static void print(PrintWriter out, EstimateResult r) {
    String currency = r.currency();
    out.println("List:            " + list(r));
    out.println(
        "Contacts:        "
            + r.contacts()
            + (r.sampled()
                ? " (" + r.rendered() + " of them rendered as a sample, then scaled)"
                : " (all rendered)"));
    out.println("Smart encoding:  " + (r.smartEncoding() ? "on" : "off"));
    out.println("Assumes:         " + r.assumptions());
    for (EstimateResult.Variant v : r.variants()) {
      out.println();
      out.println("Variant " + v.variant() + ":       " + v.template());
      out.printf(
          Locale.ROOT,
          "  contacts %d (%.0f%%), segments %d (average %.2f, max %d), %s, %s %s%n",
          v.contacts(),
          v.share() * 100,
          v.segments(),
          v.averageSegments(),
          v.maxSegments(),
          mix(v),
          currency,
          v.cost().toPlainString());
    }
    out.println();
    out.printf(
        "Total:           %s, %s, %s %s%n",
        Output.plural(r.contacts(), "message"),
        Output.plural(r.segments(), "segment"),
        currency,
        r.cost().toPlainString());
    out.flush();
  }

  private static String list(EstimateResult r) {
    String read = r.file() + ": " + r.rowsRead() + " rows read, " + r.contacts() + " imported";
    if (r.rejected() == 0) {
      return read;
    }
    return read
        + "; "
        + r.rejected()
        + " rejected ("
        + r.invalid()
        + " invalid, "
        + Output.plural(r.duplicates(), "duplicate")
        + "), see check-csv";
  }

  private static String mix(EstimateResult.Variant v) {
    long all = v.gsm7Contacts() + v.ucs2Contacts();
    if (v.ucs2Contacts() == 0) {
      return "GSM-7 for all";
    }
    if (v.gsm7Contacts() == 0) {
      return "UCS-2 for all";
    }
    return "UCS-2 for " + v.ucs2Contacts() + " of " + all + " contacts";
  }
}
