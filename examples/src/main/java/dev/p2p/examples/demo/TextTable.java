package dev.p2p.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of text cells: a title, columns with a header and an alignment, rows, and rule lines
 * between groups of rows. Rendered as box-drawn lines by {@link #lines(int)} and as HTML by {@link
 * HtmlTables}.
 */
final class TextTable {
  /** Where a column's cells sit. */
  enum Align {
    LEFT,
    RIGHT
  }

  /**
   * A column.
   *
   * @param header its header
   * @param align where its cells sit
   * @param flexible whether its cells may be cut when the table is too wide (text columns)
   */
  record Column(String header, Align align, boolean flexible) {}

  /**
   * A row.
   *
   * @param cells one per column
   * @param detail whether it details the row above (indented)
   * @param ruled whether a rule line separates it from the row above
   */
  record Row(List<String> cells, boolean detail, boolean ruled) {}

  private static final int MIN_FLEXIBLE = 8;

  private final String title;
  private final List<Column> columns;
  private final List<Row> rows = new ArrayList<>();
  private String emptyNote = "none";
  private boolean ruleNext;

  TextTable(String title, Column... columns) {
    this.title = Objects.requireNonNull(title, "title");
    this.columns = List.of(columns);
  }

  /** A left-aligned text column, cut when the table is too wide. */
  static Column text(String header) {
    return new Column(header, Align.LEFT, true);
  }

  /** A left-aligned label column, never cut. */
  static Column label(String header) {
    return new Column(header, Align.LEFT, false);
  }

  /** A right-aligned number column. */
  static Column number(String header) {
    return new Column(header, Align.RIGHT, false);
  }

  /** Adds a row; one cell per column. */
  TextTable row(String... cells) {
    return add(cells, false);
  }

  /** Adds a row detailing the one above, shown indented. */
  TextTable detail(String... cells) {
    return add(cells, true);
  }

  /** Draws a rule line before the next row. */
  TextTable rule() {
    ruleNext = !rows.isEmpty();
    return this;
  }

  /** What to show instead of the table when it has no rows. */
  TextTable whenEmpty(String note) {
    this.emptyNote = note;
    return this;
  }

  private TextTable add(String[] cells, boolean detail) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + columns.size() + " columns");
    }
    rows.add(new Row(List.copyOf(Arrays.asList(cells)), detail, ruleNext));
    ruleNext = false;
    return this;
  }

  String title() {
    return title;
  }

  List<Column> columns() {
    return columns;
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String emptyNote() {
    return emptyNote;
  }

  /**
   * The table as box-drawn lines of one width, at most {@code maxWidth} when its fixed columns
   * allow: the widest flexible columns are cut first. The title is not included. An empty table is
   * one line, its note.
   */
  List<String> lines(int maxWidth) {
    if (rows.isEmpty()) {
      return List.of(Fmt.clip(emptyNote, maxWidth));
    }
    int[] widths = fit(maxWidth);
    List<String> out = new ArrayList<>();
    out.add(rule(widths, '┌', '┬', '┐'));
    List<String> headers = new ArrayList<>();
    for (Column column : columns) {
      headers.add(column.header());
    }
    out.add(line(widths, headers, false));
    out.add(rule(widths, '├', '┼', '┤'));
    for (Row row : rows) {
      if (row.ruled()) {
        out.add(rule(widths, '├', '┼', '┤'));
      }
      out.add(line(widths, row.cells(), row.detail()));
    }
    out.add(rule(widths, '└', '┴', '┘'));
    return out;
  }

  private int[] fit(int maxWidth) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Fmt.width(columns.get(i).header());
      for (Row row : rows) {
        widths[i] = Math.max(widths[i], Fmt.width(cell(row, i)));
      }
    }
    int excess = Arrays.stream(widths).sum() + 3 * widths.length + 1 - maxWidth;
    while (excess > 0) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if (columns.get(i).flexible()
            && widths[i] > MIN_FLEXIBLE
            && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
      excess--;
    }
    return widths;
  }

  private static String cell(Row row, int column) {
    String text = row.cells().get(column);
    return column == 0 && row.detail() ? "  " + text : text;
  }

  private String line(int[] widths, List<String> cells, boolean detail) {
    StringBuilder out = new StringBuilder("│");
    for (int i = 0; i < widths.length; i++) {
      String text = cells.get(i);
      if (i == 0 && detail) {
        text = "  " + text;
      }
      text = Fmt.clip(text, widths[i]);
      String pad = " ".repeat(widths[i] - Fmt.width(text));
      out.append(' ');
      out.append(columns.get(i).align() == Align.RIGHT ? pad + text : text + pad);
      out.append(" │");
    }
    return out.toString();
  }

  private static String rule(int[] widths, char left, char middle, char right) {
    StringBuilder out = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      out.append("─".repeat(widths[i] + 2)).append(i == widths.length - 1 ? right : middle);
    }
    return out.toString();
  }
}
