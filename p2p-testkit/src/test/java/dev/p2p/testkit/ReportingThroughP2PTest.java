package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.AnswerCount;
import dev.p2p.report.Reports;
import dev.p2p.script.ReplyEffect;
import dev.p2p.sms.CostModel;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.store.support.EventJson;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports, exports and the event feed through the public API, on the in-memory store: four
 * contacts; ana texts three, the first answers "yes" and gets the scripted reply and a report, the
 * second writes STOP.
 */
class ReportingThroughP2PTest {
  private static final String NUMBER = "+13125550100";
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
  private final Organization org = p2p.organization("acme");
  private final List<Event> heard = new CopyOnWriteArrayList<>();
  private final Subscription subscription = p2p.events().subscribe(heard::add);
  private final Texter ana;
  private final long actionId;
  private final List<Conversation> texted = new ArrayList<>();

  ReportingThroughP2PTest() {
    fake.connect(p2p.webhooks()::handle);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    org.tags().define(Tag.named("supporter"));
    org.tags().define(Tag.named("undecided"));
    org.customFields().define(CustomField.number("age", "Age"));
    long list = org.contacts().createList("voters").id();
    for (int i = 0; i < 4; i++) {
      org.contacts()
          .add(list, NewContact.builder(phone(i)).firstName("Voter, \"" + i + "\"").build());
    }
    actionId =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi {firstName}, will you vote?")
                    .initial("Hello {firstName}! Voting Tuesday?")
                    .reply(
                        "Yes",
                        "Great!",
                        ReplyEffect.tag("supporter"),
                        ReplyEffect.field("age", "40"))
                    .question(Question.tags("Vote?", "supporter", "undecided"))
                    .question(Question.field("Age?", "age"))
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/New_York")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(3)))
            .id();
    org.actions().publish(actionId);
    org.assignments().assign(actionId, Target.texter("ana"));
    ana = org.texter("ana");
    ana.requestBatch(actionId);
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(1));
      Message sent = ana.send(ana.nextToSend(actionId).orElseThrow().conversationId());
      fake.deliver(sent.reference().orElseThrow());
    }
    texted.addAll(ana.inbox().page(InboxFilter.ALL, OptionalLong.of(actionId), "", 10).items());
    clock.advance(Duration.ofMinutes(1));
    fake.replyFrom(phone(0), NUMBER, "yes!");
    clock.advance(Duration.ofMinutes(2));
    ana.reply(conversationOf(0).id(), "Yes");
    ana.fileReport(
        conversationOf(0).id(), Map.of("Vote?", List.of("supporter"), "Age?", List.of("40")));
    fake.replyFrom(phone(1), NUMBER, "STOP");
  }

  @AfterEach
  void close() {
    subscription.close();
    p2p.close();
  }

  private static String phone(int i) {
    return "+1212555" + String.format("%04d", 1000 + i);
  }

  private Conversation conversationOf(int i) {
    return texted.stream().filter(c -> c.contactPhone().equals(phone(i))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the action report has the totals, questions in order with zeros, every variant")
  void actionReport() {
    ActionReport report = org.reports().action(actionId);

    assertThat(report.actionName()).isEqualTo("GOTV");
    assertThat(report.totals().contacts()).isEqualTo(4);
    assertThat(report.totals().messaged()).isEqualTo(3);
    assertThat(report.totals().delivered()).isEqualTo(3);
    assertThat(report.totals().replied()).isEqualTo(2);
    assertThat(report.totals().optedOut()).isEqualTo(1);
    assertThat(report.questions()).hasSize(2);
    assertThat(report.questions().get(0).answers())
        .containsExactly(new AnswerCount("supporter", 1), new AnswerCount("undecided", 0));
    assertThat(report.questions().get(1).answers()).containsExactly(new AnswerCount("40", 1));
    assertThat(report.variants())
        .extracting(ActionReport.VariantStats::index)
        .containsExactly(0, 1);
    assertThat(report.variants().stream().mapToLong(ActionReport.VariantStats::sent).sum())
        .isEqualTo(3);
    assertThat(report.texters())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.texterId()).isEqualTo("ana");
              assertThat(t.sent()).isEqualTo(4);
              assertThat(t.medianResponse()).contains(Duration.ofMinutes(2));
            });
    assertThat(report.tags()).containsExactly(new ActionReport.TagCount("supporter", 1));
  }

  @Test
  @DisplayName(
      "cost: segments sent at the cost model's price, and the rest at the first ones' average")
  void cost() {
    ActionReport.Cost cost = org.reports().action(actionId).cost();
    CostModel prices = CostModel.defaults();
    assertThat(cost.segmentsSent()).isEqualTo(4);
    assertThat(cost.spent()).isEqualByComparingTo(prices.smsCost(4));
    assertThat(cost.remainingMessages()).isEqualTo(1);
    assertThat(cost.remainingEstimate())
        .hasValueSatisfying(
            estimate -> assertThat(estimate).isEqualByComparingTo(prices.smsCost(1)));
    assertThat(cost.currency()).isEqualTo(prices.currency());
  }

  @Test
  @DisplayName("the conversation export parses back to the conversations, quotes and all")
  void conversationExportRoundTrip() throws IOException {
    StringWriter out = new StringWriter();
    long rows = org.reports().exportConversations(actionId, out);

    List<NamedCsvRecord> records = parse(out.toString());
    assertThat(rows).isEqualTo(4);
    assertThat(records).hasSize(4);
    NamedCsvRecord first =
        records.stream()
            .filter(r -> r.getField("phone").equals(phone(0)))
            .findFirst()
            .orElseThrow();
    Conversation c = ana.conversation(conversationOf(0).id());
    assertThat(first.getField("conversation_id")).isEqualTo(Long.toString(c.id()));
    assertThat(first.getField("first_name")).isEqualTo("Voter, \"0\"");
    assertThat(first.getField("texter_id")).isEqualTo("ana");
    assertThat(first.getField("status")).isEqualTo(c.status().name());
    assertThat(first.getField("tags")).isEqualTo("supporter");
    assertThat(first.getField("field.age")).isEqualTo("40");
    assertThat(first.getField("report.Vote?")).isEqualTo("supporter");
    assertThat(first.getField("report_filed_by")).isEqualTo("ana");
    assertThat(first.getField("last_message_at"))
        .isEqualTo(c.lastMessageAt().orElseThrow().toString());
  }

  @Test
  @DisplayName("the message and opt-out exports hold every message and every opted-out phone")
  void messageAndOptOutExports() throws IOException {
    StringWriter messages = new StringWriter();
    StringWriter optOuts = new StringWriter();

    long messageRows = org.reports().exportMessages(actionId, messages);
    org.reports().exportOptOuts(optOuts);

    assertThat(messageRows).isEqualTo(6);
    assertThat(parse(messages.toString()))
        .extracting(r -> r.getField("direction"))
        .containsExactly("OUTBOUND", "OUTBOUND", "OUTBOUND", "INBOUND", "OUTBOUND", "INBOUND");
    assertThat(parse(optOuts.toString()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getField("phone")).isEqualTo(phone(1));
              assertThat(r.getField("source")).isEqualTo("KEYWORD");
            });
  }

  @Test
  @DisplayName("an export to a file replaces it whole, and a failed one leaves no file")
  void exportToFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("conversations.csv");
    long rows = Reports.toFile(file, out -> org.reports().exportConversations(actionId, out));
    assertThat(rows).isEqualTo(4);
    assertThat(Files.readAllLines(file)).hasSize(5);

    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> Reports.toFile(missing, out -> org.reports().exportMessages(999, out)))
        .isInstanceOf(NotFoundException.class);
    assertThat(dir.toFile().list()).containsExactly("conversations.csv");
  }

  @Test
  @DisplayName("listeners hear each committed event once, in the feed's order for one thread")
  void listenersHearTheFeed() {
    List<Event> feed = p2p.events().read("acme", 0, 1_000);
    assertThat(heard).containsExactlyElementsOf(feed);
    assertThat(feed).extracting(Event::position).containsExactlyElementsOf(range(feed.size()));
    assertThat(feed)
        .extracting(Event::type)
        .contains(
            "assignment.changed",
            "message.sent",
            "message.delivered",
            "message.received",
            "tag.added",
            "field.set",
            "report.filed",
            "contact.opted_out");
    assertThat(p2p.events().lastPosition("acme")).isEqualTo(feed.size());
  }

  @Test
  @DisplayName("every event of the feed survives its JSON form")
  void jsonRoundTrip() {
    for (Event event : p2p.events().read("acme", 0, 1_000)) {
      assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
    }
  }

  @Test
  @DisplayName("a listener that throws is logged; the change stands and other listeners hear it")
  void throwingListener() {
    List<Event> after = new ArrayList<>();
    try (Subscription failing =
            p2p.events()
                .subscribe(
                    e -> {
                      throw new IllegalStateException("boom");
                    });
        Subscription counting = p2p.events().subscribe(after::add)) {
      org.optOuts().add(phone(3));
    }
    assertThat(org.optOuts().isOptedOut(phone(3))).isTrue();
    assertThat(after)
        .extracting(Event::change)
        .containsExactly(new Change.ContactOptedOut(phone(3), dev.p2p.optout.OptOutSource.API));
  }

  @Test
  @DisplayName("reading the feed checks the cursor and the limit")
  void readChecksArguments() {
    assertThatThrownBy(() -> p2p.events().read("acme", -1, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("afterPosition");
    assertThatThrownBy(() -> p2p.events().read("acme", 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    assertThat(p2p.events().read("acme", 0, 2)).hasSize(2);
  }

  private static List<Long> range(int n) {
    List<Long> positions = new ArrayList<>();
    for (long p = 1; p <= n; p++) {
      positions.add(p);
    }
    return positions;
  }

  private static List<NamedCsvRecord> parse(String csv) throws IOException {
    try (CsvReader<NamedCsvRecord> reader =
        CsvReader.builder().ofNamedCsvRecord(new StringReader(csv))) {
      return reader.stream().toList();
    }
  }
}
