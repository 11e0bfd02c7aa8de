package dev.p2p.internal.report;

import dev.p2p.conversation.Message;
import dev.p2p.internal.OrgContext;
import dev.p2p.report.Reports;
import dev.p2p.store.MessageExport;
import java.io.Writer;
import java.util.List;

/** The message export of one action, oldest first. */
final class MessageCsv {
  static final List<String> HEADER =
      List.of(
          "message_id",
          "conversation_id",
          "direction",
          "texter_id",
          "contact_phone",
          "sender",
          "body",
          "media",
          "segments",
          "status",
          "failure",
          "carrier_code",
          "reference",
          "carrier_message_id",
          "created_at",
          "updated_at");

  private MessageCsv() {}

  static long write(OrgContext ctx, long actionId, Writer out, boolean verbatim) {
    return CsvPages.write(
        out,
        verbatim,
        "message",
        HEADER,
        0L,
        after -> ctx.store().reports().messages(ctx.orgId(), actionId, after, Reports.EXPORT_PAGE),
        row -> row.message().id(),
        MessageCsv::row);
  }

  private static List<String> row(MessageExport row) {
    Message m = row.message();
    return List.of(
        Long.toString(m.id()),
        Long.toString(row.conversationId()),
        m.direction().name(),
        row.texterId().orElse(""),
        m.contactPhone(),
        m.sender(),
        m.body(),
        String.join(" ", m.media().stream().map(Object::toString).toList()),
        Integer.toString(m.segments()),
        m.status().name(),
        m.failure().map(Enum::name).orElse(""),
        m.carrierCode().orElse(""),
        m.reference().orElse(""),
        m.carrierMessageId().orElse(""),
        m.createdAt().toString(),
        m.updatedAt().toString());
  }
}
