package dev.p2p.internal.report;

import dev.p2p.action.Action;
import dev.p2p.action.Question;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.FiledReport;
import dev.p2p.field.CustomField;
import dev.p2p.internal.OrgContext;
import dev.p2p.report.Reports;
import dev.p2p.store.ConversationExport;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation export of one action: fixed columns, then one column per custom field of the
 * action's list ({@code contact.NAME}), per custom field of the organization ({@code field.NAME})
 * and per report question ({@code report.PROMPT}). Several values in one cell are joined by {@code
 * ;}.
 */
final class ConversationCsv {
  static final List<String> FIXED =
      List.of(
          "conversation_id",
          "contact_id",
          "external_id",
          "phone",
          "first_name",
          "last_name",
          "zip",
          "time_zone",
          "texter_id",
          "status",
          "needs_attention",
          "unread",
          "sender",
          "tags");

  private final OrgContext ctx;
  private final Action action;
  private final List<String> contactFields;
  private final List<String> orgFields = new ArrayList<>();
  private final List<String> questionIds = new ArrayList<>();

  ConversationCsv(OrgContext ctx, Action action) {
    this.ctx = ctx;
    this.action = action;
    this.contactFields =
        action.spec().contactListId().isPresent()
            ? List.copyOf(
                ctx.store()
                    .actions()
                    .listFieldNames(ctx.orgId(), action.spec().contactListId().getAsLong()))
            : List.of();
    for (CustomField field : ctx.store().actions().fields(ctx.orgId())) {
      orgFields.add(field.name());
    }
    for (Question question : action.spec().report()) {
      questionIds.add(question.id());
    }
  }

  long write(Writer out, boolean verbatim) {
    return CsvPages.write(
        out,
        verbatim,
        "conversation",
        header(),
        0L,
        after ->
            ctx.store()
                .reports()
                .conversations(ctx.orgId(), action.id(), after, Reports.EXPORT_PAGE),
        row -> row.conversation().id(),
        this::row);
  }

  private List<String> header() {
    List<String> header = new ArrayList<>(FIXED);
    contactFields.forEach(name -> header.add("contact." + name));
    orgFields.forEach(name -> header.add("field." + name));
    questionIds.forEach(id -> header.add("report." + id));
    header.add("report_filed_by");
    header.add("report_filed_at");
    header.add("last_message_at");
    return header;
  }

  private List<String> row(ConversationExport export) {
    Conversation c = export.conversation();
    ContactDetails contact = export.contact();
    List<String> row = new ArrayList<>(FIXED.size() + 8);
    row.add(Long.toString(c.id()));
    row.add(Long.toString(c.contactId()));
    row.add(contact.externalId().orElse(""));
    row.add(c.contactPhone());
    row.add(contact.firstName());
    row.add(contact.lastName());
    row.add(contact.zip().orElse(""));
    row.add(contact.timeZone().map(ZoneId::getId).orElse(""));
    row.add(c.texterId().orElse(""));
    row.add(c.status().name());
    row.add(Boolean.toString(c.needsAttention()));
    row.add(Boolean.toString(c.unread()));
    row.add(c.sender().orElse(""));
    row.add(String.join(";", c.tags()));
    contactFields.forEach(name -> row.add(contact.fields().getOrDefault(name, "")));
    orgFields.forEach(name -> row.add(c.fields().getOrDefault(name, "")));
    for (String id : questionIds) {
      row.add(
          c.report()
              .map(r -> String.join(";", r.answers().getOrDefault(id, List.of())))
              .orElse(""));
    }
    row.add(c.report().map(FiledReport::texterId).orElse(""));
    row.add(c.report().map(r -> r.filedAt().toString()).orElse(""));
    row.add(c.lastMessageAt().map(Object::toString).orElse(""));
    return row;
  }
}
