package dev.p2p.internal.report;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.internal.OrgContext;
import dev.p2p.report.ActionReport;
import dev.p2p.report.Reports;
import java.io.Writer;
import java.time.Instant;
import java.util.Objects;

/** Internal: the implementation of {@link Reports}; obtain it from the facade. */
public final class ReportsImpl implements Reports {
  private final OrgContext ctx;
  private final boolean verbatim;

  /** Internal: obtained from {@code Organization.reports()}. */
  public ReportsImpl(OrgContext ctx) {
    this(ctx, false);
  }

  private ReportsImpl(OrgContext ctx, boolean verbatim) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.verbatim = verbatim;
  }

  @Override
  public Reports verbatim() {
    return verbatim ? this : new ReportsImpl(ctx, true);
  }

  @Override
  public ActionReport action(long actionId) {
    Action action = action0(actionId);
    Instant now = ctx.clock().instant();
    return ReportAssembler.assemble(
        action, ctx.store().reports().figures(ctx.orgId(), actionId, now), ctx.costModel(), now);
  }

  @Override
  public long exportConversations(long actionId, Writer out) {
    return new ConversationCsv(ctx, action0(actionId)).write(out, verbatim);
  }

  @Override
  public long exportMessages(long actionId, Writer out) {
    return MessageCsv.write(ctx, action0(actionId).id(), out, verbatim);
  }

  @Override
  public long exportOptOuts(Writer out) {
    return OptOutCsv.write(ctx, out, verbatim);
  }

  private Action action0(long actionId) {
    return ctx.store()
        .actions()
        .findAction(ctx.orgId(), actionId)
        .orElseThrow(() -> new NotFoundException("action", actionId));
  }
}
