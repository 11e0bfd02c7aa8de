package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Headers in Cyrillic and Japanese become custom fields that templates and exports carry. */
class NonLatinHeadersTest {
  private static final String NUMBER = "+13125550100";
  private static final String PHONE = "+12125551000";
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
  private final Organization org = p2p.organization("acme");

  @AfterEach
  void close() {
    p2p.close();
  }

  private ImportReport importCsv(String csv) {
    return org.contacts()
        .importCsv(
            "Voters",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            ImportOptions.defaults(),
            p -> {});
  }

  @Test
  @DisplayName("Имя and 名前 become the custom fields имя and 名前 of each contact")
  void importsNonLatinHeaders() {
    ImportReport report = importCsv("phone,Имя,名前,Имя отца\n" + PHONE + ",Анна,花子,Ивановна\n");

    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.columns())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("phone", "phone", "Имя", "имя", "名前", "名前", "Имя отца", "имяОтца"));
    Contact contact = org.contacts().findByPhone(PHONE).get(0);
    assertThat(contact.details().fields())
        .containsExactly(
            Map.entry("имя", "Анна"), Map.entry("名前", "花子"), Map.entry("имяОтца", "Ивановна"));
  }

  @Test
  @DisplayName("a template reads {имя} and {名前}, and the conversation export has their columns")
  void templatesAndExportsCarryThem() throws Exception {
    long listId = importCsv("phone,Имя,名前\n" + PHONE + ",Анна,花子\n").listId().orElseThrow();
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long actionId =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(listId)
                    .initial("Привет, {имя|друг}! {名前}")
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/New_York")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(3)))
            .id();
    org.actions().publish(actionId);
    org.assignments().assign(actionId, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(actionId);

    Message sent = ana.send(ana.nextToSend(actionId).orElseThrow().conversationId());

    assertThat(sent.body()).isEqualTo("Привет, Анна! 花子");
    StringWriter out = new StringWriter();
    org.reports().exportConversations(actionId, out);
    List<NamedCsvRecord> records =
        CsvReader.builder().ofNamedCsvRecord(out.toString()).stream().toList();
    assertThat(records).singleElement();
    assertThat(records.get(0).getField("contact.имя")).isEqualTo("Анна");
    assertThat(records.get(0).getField("contact.名前")).isEqualTo("花子");
  }
}
