package dev.p2p.examples.demo;

import java.util.List;

/** A {@link TextTable} as an HTML table under a heading. */
final class HtmlTables {
  private HtmlTables() {}

  /** Appends the table's title as an {@code h3} and the table, or its empty note. */
  static void append(StringBuilder html, TextTable table) {
    html.append("<h3>").append(Html.escape(table.title())).append("</h3>\n");
    appendTable(html, table);
  }

  /** Appends the table, or its empty note, without its title. */
  static void appendTable(StringBuilder html, TextTable table) {
    List<TextTable.Row> rows = table.rows();
    if (rows.isEmpty()) {
      html.append("<p class=\"empty\">").append(Html.escape(table.emptyNote())).append("</p>\n");
      return;
    }
    List<TextTable.Column> columns = table.columns();
    html.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (TextTable.Column column : columns) {
      html.append(column.align() == TextTable.Align.RIGHT ? "<th class=\"num\">" : "<th>");
      html.append(Html.escape(column.header())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (TextTable.Row row : rows) {
      String classes = (row.ruled() ? "ruled " : "") + (row.detail() ? "detail" : "");
      html.append(classes.isBlank() ? "<tr>" : "<tr class=\"" + classes.strip() + "\">");
      for (int i = 0; i < columns.size(); i++) {
        boolean number = columns.get(i).align() == TextTable.Align.RIGHT;
        html.append(number ? "<td class=\"num\">" : "<td>");
        html.append(Html.escape(row.cells().get(i))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }
}
