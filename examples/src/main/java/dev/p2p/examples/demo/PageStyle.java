package dev.p2p.examples.demo;

/** The HTML report's style sheet, inlined in the page. */
final class PageStyle {
  static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f3f4f6; color: #1f2937;
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
      header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
      header { padding-top: 28px; }
      .kicker { margin: 0; color: #4b5563; font-size: 13px; text-transform: uppercase;
        letter-spacing: .06em; }
      h1 { margin: 2px 0 4px; font-size: 28px; overflow-wrap: anywhere; }
      h2 { margin: 0 0 12px; font-size: 20px; }
      h3 { margin: 20px 0 8px; font-size: 15px; overflow-wrap: anywhere; }
      .sub { margin: 0; font-size: 16px; }
      .meta { margin: 2px 0 0; color: #4b5563; font-size: 13px; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 12px; margin: 20px 0 8px; }
      .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 12px 14px; }
      .card .label { color: #4b5563; font-size: 12px; text-transform: uppercase;
        letter-spacing: .04em; }
      .card .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
      .card .note { color: #4b5563; font-size: 13px; }
      section { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px;
        padding: 20px 22px; margin: 16px 0; }
      figure.chart { margin: 0 0 8px; }
      figure.chart svg { display: block; width: 100%; height: auto; }
      rect.bar:hover { opacity: .8; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 50%; }
      th, td { padding: 5px 12px; text-align: left; border-bottom: 1px solid #e5e7eb;
        overflow-wrap: anywhere; }
      th { background: #f9fafb; font-size: 13px; color: #374151; font-weight: 600; }
      .num { text-align: right; white-space: nowrap; }
      tr.ruled td { border-top: 2px solid #9ca3af; }
      tr.detail td { color: #4b5563; font-size: 14px; }
      tr.detail td:first-child { padding-left: 32px; }
      tbody tr:hover { background: #f9fafb; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
        gap: 0 24px; }
      .empty { color: #4b5563; font-style: italic; }
      ul.exports { margin: 0; padding-left: 20px; }
      a { color: #1d4ed8; }
      footer { color: #4b5563; font-size: 13px; padding-bottom: 32px; }
      """;

  private PageStyle() {}
}
