package dev.p2p.internal.report;

import dev.p2p.internal.OrgContext;
import dev.p2p.optout.OptOut;
import dev.p2p.report.Reports;
import java.io.Writer;
import java.util.List;

/** The organization's opt-out list, by phone. */
final class OptOutCsv {
  private OptOutCsv() {}

  static long write(OrgContext ctx, Writer out, boolean verbatim) {
    return CsvPages.write(
        out,
        verbatim,
        "opt-out",
        List.of("phone", "source", "opted_out_at"),
        "",
        after -> ctx.store().optOuts().optOuts(ctx.orgId(), after, Reports.EXPORT_PAGE),
        OptOut::phone,
        o -> List.of(o.phone(), o.source().name(), o.at().toString()));
  }
}
