package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.OptedOutException;
import dev.p2p.Organization;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Event;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.report.ActionReport;
import dev.p2p.script.ReplyEffect;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One whole P2P action through the public API on {@link FakeGateway}, run on every store: 1,000
 * contacts in two time zones, an earlier action so that Keep Assignments has something to keep, a
 * team of 10 texters asking for dynamic batches, every initial message sent within texting hours,
 * replies of every kind (yes, no, STOP, HELP, free text, a stranger), scripted answers, reports,
 * and the action closed. Every rule of p2p is asserted on the way. A store runs it through a
 * subclass that supplies a fresh store.
 */
public abstract class TextingScenarioContract {
  private static final String ORG = "acme";
  private static final List<String> NUMBERS = List.of("+13125550100", "+13125550101");
  private static final String HELP_TEXT = "Acme Votes: reply STOP to opt out.";
  private static final String QUESTION = "Will they vote?";
  // Tuesday 3 Nov 2026, 14:30 UTC: 09:30 in New York (open), 06:30 in Los Angeles (closed).
  private static final Instant MORNING = Instant.parse("2026-11-03T14:30:00Z");
  private static final Instant NOON = Instant.parse("2026-11-03T17:30:00Z");
  private static final Instant NIGHT = Instant.parse("2026-11-04T06:30:00Z");
  private static final Instant NEXT_NOON = Instant.parse("2026-11-04T18:00:00Z");

  private final MutableClock clock = MutableClock.at(MORNING);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private final List<Texter> team = new ArrayList<>();

  /** A new, empty store for one run. */
  protected abstract Store createStore();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(createStore()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(ORG);
    org.updateSettings(s -> s.withHelpText(HELP_TEXT));
    org.tags().define(Tag.named("supporter"));
    org.tags().define(Tag.named("not-voting"));
    org.tags().define(Tag.named("undecided"));
    org.customFields().define(CustomField.text("pollingPlace", "Polling place"));
    org.teams().upsert("volunteers", "Volunteers");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = String.format("t%02d", i);
      org.texters().upsert(new TexterProfile(id, "Texter" + i, "Smith"));
      ids.add(id);
    }
    org.teams().addMembers("volunteers", ids);
    ids.forEach(id -> team.add(org.texter(id)));
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  @Test
  @DisplayName("a whole action, from import to close, keeps every rule")
  void wholeAction() {
    // An earlier action texted 50 of the contacts: Keep Assignments will give them back.
    long warmUpList = importList("warm-up", 0, 50);
    long warmUp = publish("Warm-up", warmUpList, AssignmentSettings.dynamic().withBatchSize(5));
    org.assignments().assign(warmUp, Target.team("volunteers"));
    Map<String, String> earlierTexter = new HashMap<>();
    for (Texter texter : team) {
      assertThat(texter.requestBatch(warmUp)).isEqualTo(5);
      sendAll(texter, warmUp).forEach(m -> earlierTexter.put(m.contactPhone(), texter.id()));
    }
    assertThat(earlierTexter).hasSize(50);
    org.actions().close(warmUp);

    long list = importList("GOTV", 0, 1_000);
    long gotv =
        publish(
            "GOTV", list, AssignmentSettings.dynamic().withBatchSize(25).withKeepAssignments(true));
    org.assignments().assign(gotv, Target.team("volunteers"));

    // Morning: only New York (the first 800 contacts) is inside texting hours.
    Map<String, Texter> holder = new HashMap<>();
    sendRound(gotv, holder);
    assertThat(holder).hasSize(800);
    assertThat(holder.keySet()).allMatch(phone -> phoneIndex(phone) < 800);
    earlierTexter.forEach(
        (phone, texter) ->
            assertThat(held(holder, phone).id()).as("kept %s", phone).isEqualTo(texter));

    // Noon: Los Angeles opens. One LA contact's message is prepared, then the window shuts.
    clock.set(NOON);
    Texter first = team.get(0);
    assertThat(first.requestBatch(gotv)).isPositive();
    NextMessage late = first.nextToSend(gotv).orElseThrow();
    clock.set(NIGHT);
    assertThatThrownBy(() -> first.send(late.conversationId()))
        .isInstanceOf(OutsideTextingHoursException.class)
        .hasMessageContaining("outside texting hours");
    assertThat(first.nextToSend(gotv)).isEmpty();
    assertThat(first.requestBatch(gotv)).isZero();
    clock.set(NEXT_NOON);
    sendRound(gotv, holder);
    assertThat(holder).hasSize(1_000);
    assertThat(fake.sent()).hasSize(1_050);
    assertThat(fake.sent())
        .allMatch(m -> m.sentAt().isBefore(NIGHT) || !m.sentAt().isBefore(NEXT_NOON));

    // No contact in two texters' hands: every texter's inbox together holds each contact once.
    List<Conversation> all = new ArrayList<>();
    team.forEach(t -> all.addAll(inbox(t, InboxFilter.ALL, gotv)));
    assertThat(all).hasSize(1_000);
    assertThat(all.stream().map(Conversation::contactPhone).collect(Collectors.toSet()))
        .hasSize(1_000);
    assertThat(all.stream().map(Conversation::id).collect(Collectors.toSet())).hasSize(1_000);

    // Replies of every kind.
    Map<String, String> replies = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String phone = phone(i * 3);
      String body =
          i < 100
              ? "Yes!"
              : i < 200 ? "no" : i < 220 ? " Stop " : i < 230 ? "HELP" : "who is this?";
      replies.put(phone, body);
      Conversation c = conversation(gotv, held(holder, phone), phone);
      click();
      assertThat(fake.replyFrom(phone, c.sender().orElseThrow(), body).status())
          .isBetween(200, 299);
    }
    assertThat(fake.replyFrom("+12125559999", NUMBERS.get(0), "Who dis?").status())
        .isBetween(200, 299);
    assertThat(org.conversations().unrouted(10).items())
        .singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("Who dis?"));

    Set<String> optedOut = new HashSet<>();
    replies.forEach(
        (phone, body) -> {
          if (body.contains("top")) {
            optedOut.add(phone);
          }
        });
    assertThat(optedOut).hasSize(20).allMatch(phone -> org.optOuts().isOptedOut(phone));
    replies.forEach(
        (phone, body) -> {
          if (body.equals("HELP")) {
            long id = conversation(gotv, held(holder, phone), phone).id();
            assertThat(org.conversations().messages(id, 100).items())
                .extracting(Message::body)
                .endsWith("HELP", HELP_TEXT);
          }
        });

    // Texters answer their inboxes: scripts apply tags, reports are filed, conversations closed.
    for (Texter texter : team) {
      for (Conversation c : inbox(texter, InboxFilter.NEEDS_ATTENTION, gotv)) {
        assertThat(c.unread()).isTrue();
        String body = Objects.requireNonNull(replies.get(c.contactPhone()));
        String answer;
        click();
        if (body.equals("Yes!")) {
          assertThat(texter.reply(c.id(), "Yes").failure()).isEmpty();
          answer = "supporter";
        } else if (body.equals("no")) {
          texter.reply(c.id(), "No");
          answer = "not-voting";
        } else {
          texter.replyText(c.id(), "I'm a volunteer with Acme. Will you vote Tuesday?");
          answer = "undecided";
        }
        texter.fileReport(c.id(), Map.of(QUESTION, List.of(answer)));
        Conversation closed = texter.close(c.id());
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(closed.report()).isPresent();
        assertThat(closed.tags()).contains(answer);
        if (answer.equals("supporter")) {
          assertThat(texter.messages(c.id()))
              .last()
              .satisfies(m -> assertThat(m.body()).startsWith("Great! Your polling place is"));
        }
      }
      assertThat(texter.inbox().counts(gotv).needsAttention()).isZero();
    }

    // Opted-out phones are never texted again, by this action or another.
    String stopped = optedOut.iterator().next();
    Texter stoppedHolder = held(holder, stopped);
    Conversation stoppedConversation = conversation(gotv, stoppedHolder, stopped);
    assertThat(stoppedConversation.status()).isEqualTo(ConversationStatus.OPTED_OUT);
    assertThatThrownBy(() -> stoppedHolder.replyText(stoppedConversation.id(), "Are you sure?"))
        .isInstanceOf(OptedOutException.class);
    for (String phone : optedOut) {
      Instant at = org.optOuts().find(phone).orElseThrow().at();
      assertThat(fake.sentTo(phone)).allMatch(m -> !m.sentAt().isAfter(at));
    }

    // A texter never acts on another's conversation; another organization sees nothing.
    Conversation someone = all.get(0);
    Texter other =
        team.stream()
            .filter(t -> !t.id().equals(someone.texterId().orElseThrow()))
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> other.replyText(someone.id(), "hi"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> other.tag(someone.id(), "supporter"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(p2p.organization("rival").conversations().find(someone.id())).isEmpty();
    assertThatThrownBy(() -> p2p.organization("rival").assignments().release(gotv, "t00"))
        .isInstanceOf(NotFoundException.class);

    // The report and the event feed agree with what happened.
    ActionReport report = org.reports().action(gotv);
    assertThat(report.totals().contacts()).isEqualTo(1_000);
    assertThat(report.totals().messaged()).isEqualTo(1_000);
    assertThat(report.totals().replied()).isEqualTo(300);
    assertThat(report.totals().optedOut()).isEqualTo(20);
    assertThat(report.totals().closed()).isEqualTo(280);
    assertThat(report.totals().needingAttention()).isZero();
    assertThat(report.texters().stream().mapToLong(ActionReport.TexterStats::sent).sum())
        .isEqualTo(1_280);
    assertThat(report.questions().get(0).answers())
        .extracting(ActionReport.AnswerCount::count)
        .containsExactlyInAnyOrder(100L, 100L, 80L);
    assertThat(report.variants().stream().mapToLong(ActionReport.VariantStats::sent).sum())
        .isEqualTo(1_000);
    assertThat(org.reports().exportConversations(gotv, Writer.nullWriter())).isEqualTo(1_000);
    Map<String, Long> types = new HashMap<>();
    long position = 0;
    for (List<Event> page = p2p.events().read("acme", 0, 1_000);
        !page.isEmpty();
        page = p2p.events().read("acme", position, 1_000)) {
      for (Event event : page) {
        assertThat(event.position()).isEqualTo(position + 1);
        position = event.position();
        types.merge(event.type(), 1L, Long::sum);
      }
    }
    assertThat(position).isEqualTo(p2p.events().lastPosition("acme"));
    assertThat(types)
        .containsEntry("report.filed", 280L)
        .containsEntry("contact.opted_out", 20L)
        .containsEntry("message.received", 301L);

    // Closed: nothing more goes out.
    org.actions().close(gotv);
    Conversation open =
        all.stream().filter(c -> !replies.containsKey(c.contactPhone())).findFirst().orElseThrow();
    Texter openHolder = held(holder, open.contactPhone());
    assertThatThrownBy(() -> openHolder.replyText(open.id(), "Still there?"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("CLOSED");
  }

  /** Every texter asks for batches and sends until nothing is left for now. */
  private void sendRound(long actionId, Map<String, Texter> holder) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Texter texter : team) {
        texter.requestBatch(actionId);
        for (Message m : sendAll(texter, actionId)) {
          assertThat(holder.put(m.contactPhone(), texter))
              .as("sent twice to %s", m.contactPhone())
              .isNull();
          progress = true;
        }
      }
    }
  }

  private static Texter held(Map<String, Texter> holder, String phone) {
    return Objects.requireNonNull(holder.get(phone), "no texter holds " + phone);
  }

  /**
   * A texter's click: a second passes between two sends, as it does for people (and the default
   * rate limit of one message per second per number never makes a send wait).
   */
  private void click() {
    clock.advance(Duration.ofSeconds(1));
  }

  private List<Message> sendAll(Texter texter, long actionId) {
    List<Message> sent = new ArrayList<>();
    Optional<NextMessage> next;
    while ((next = texter.nextToSend(actionId)).isPresent()) {
      click();
      Message m = texter.send(next.get().conversationId());
      assertThat(m.carrierMessageId()).as("accepted by the carrier").isPresent();
      assertThat(m.failure()).isEmpty();
      assertThat(m.body()).contains("Texter");
      sent.add(m);
    }
    return sent;
  }

  private static List<Conversation> inbox(Texter texter, InboxFilter filter, long actionId) {
    List<Conversation> out = new ArrayList<>();
    String cursor = "";
    while (true) {
      var page = texter.inbox().page(filter, OptionalLong.of(actionId), cursor, 100);
      out.addAll(page.items());
      if (page.next().isEmpty()) {
        return out;
      }
      cursor = page.next().get();
    }
  }

  private static Conversation conversation(long actionId, Texter texter, String phone) {
    return inbox(texter, InboxFilter.ALL, actionId).stream()
        .filter(c -> c.contactPhone().equals(phone))
        .findFirst()
        .orElseThrow();
  }

  private long publish(String name, long listId, AssignmentSettings assignment) {
    Action action =
        org.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(listId)
                    .initial(
                        "Hi {firstName|there}, it's {texterFirstName} with Acme. Can we count on your vote?")
                    .initial(
                        "Hey {firstName|there}! {texterFirstName} here. Will you vote Tuesday?")
                    .reply(
                        "Yes",
                        "Great! Your polling place is {pollingPlace|on vote.org}.",
                        ReplyEffect.tag("supporter"))
                    .reply("No", "Thanks for letting me know.", ReplyEffect.tag("not-voting"))
                    .question(Question.tags(QUESTION, "supporter", "not-voting", "undecided"))
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/New_York")))
                    .sender(SenderSettings.numbers("fake", NUMBERS))
                    .assignment(assignment));
    return org.actions().publish(action.id()).id();
  }

  /**
   * Imports contacts {@code from} (inclusive) to {@code to}: the first 800 in New York, the rest in
   * Los Angeles.
   */
  private long importList(String name, int from, int to) {
    StringBuilder csv = new StringBuilder("phone,first_name,last_name,time_zone\n");
    for (int i = from; i < to; i++) {
      csv.append(phone(i))
          .append(",Voter")
          .append(i)
          .append(",Doe,")
          .append(i < 800 ? "America/New_York" : "America/Los_Angeles")
          .append('\n');
    }
    ImportReport report =
        org.contacts()
            .importCsv(
                name,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                progress -> {});
    assertThat(report.imported()).isEqualTo(to - from);
    return report.listId().orElseThrow();
  }

  private static String phone(int i) {
    return String.format("+1212%03d%04d", 201 + i / 10_000, i % 10_000);
  }

  private static int phoneIndex(String phone) {
    return (Integer.parseInt(phone.substring(5, 8)) - 201) * 10_000
        + Integer.parseInt(phone.substring(8));
  }
}
