package dev.p2p.examples.demo;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small builder of inline SVG: every text and attribute value escaped, coordinates with at most
 * one decimal. Elements take attributes as name, value pairs.
 */
final class Svg {
  static final String NS = "http://www.w3.org/2000/svg";

  private final StringBuilder out = new StringBuilder();
  private final int width;

  /** Opens an {@code svg} element of the given size, labelled for screen readers. */
  Svg(int width, int height, String label) {
    this.width = width;
    out.append("<svg xmlns=\"")
        .append(NS)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial,")
        .append(" sans-serif\" font-size=\"12\">\n");
  }

  int width() {
    return width;
  }

  /** A text, anchored at {@code start}, {@code middle} or {@code end}. */
  Svg text(double x, double y, String anchor, String text, String... attributes) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (!anchor.equals("start")) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    attributes(attributes);
    out.append('>').append(Html.escape(text)).append("</text>\n");
    return this;
  }

  /** A text with a tooltip (the full text when the shown one is cut). */
  Svg titledText(
      double x, double y, String anchor, String text, String tooltip, String... attributes) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (!anchor.equals("start")) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    attributes(attributes);
    out.append("><title>").append(Html.escape(tooltip)).append("</title>");
    out.append(Html.escape(text)).append("</text>\n");
    return this;
  }

  /** A rectangle; with a tooltip when {@code tooltip} is not null. */
  Svg rect(double x, double y, double w, double h, @Nullable String tooltip, String... attributes) {
    out.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(Math.max(0, w)))
        .append("\" height=\"")
        .append(num(Math.max(0, h)))
        .append('"');
    attributes(attributes);
    if (tooltip == null) {
      out.append("/>\n");
    } else {
      out.append("><title>").append(Html.escape(tooltip)).append("</title></rect>\n");
    }
    return this;
  }

  /** A line. */
  Svg line(double x1, double y1, double x2, double y2, String... attributes) {
    out.append("<line x1=\"")
        .append(num(x1))
        .append("\" y1=\"")
        .append(num(y1))
        .append("\" x2=\"")
        .append(num(x2))
        .append("\" y2=\"")
        .append(num(y2))
        .append('"');
    attributes(attributes);
    out.append("/>\n");
    return this;
  }

  /** Closes the {@code svg} element and returns the markup. */
  String end() {
    return out.append("</svg>\n").toString();
  }

  private void attributes(String[] pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(' ').append(pairs[i]).append("=\"").append(Html.escape(pairs[i + 1])).append('"');
    }
  }

  /** A coordinate with at most one decimal. */
  static String num(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0
        ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
