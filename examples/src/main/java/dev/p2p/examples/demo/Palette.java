package dev.p2p.examples.demo;

/** The charts' colors: dark enough on white for text and bars (WCAG contrast 4.5:1 or more). */
final class Palette {
  static final String SENT = "#1d4ed8";
  static final String RECEIVED = "#c2410c";
  static final String RATE = "#6d28d9";
  static final String ANSWER = "#0f766e";
  static final String TEXT = "#1f2937";
  static final String MUTED = "#4b5563";
  static final String AXIS = "#6b7280";
  static final String GRID = "#e5e7eb";

  private Palette() {}
}
