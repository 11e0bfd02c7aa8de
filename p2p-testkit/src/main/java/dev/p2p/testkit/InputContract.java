package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Inputs are bounded and normalized in core, so every store gives the same answer to the same
 * input: an over-long inbound body is stored cut, a NUL or lone surrogate in text becomes U+FFFD,
 * an id with a space at either end is refused. Through the public API on {@link FakeGateway}; run
 * by {@link StoreContract} on every store; tagged {@code inputs} to run alone ({@code
 * -Dgroups=inputs}).
 */
@org.junit.jupiter.api.Tag("inputs")
abstract class InputContract {
  private static final String NUMBER = "+13125550100";
  private static final String CONTACT = "+13125550123";
  private static final String PROMPT = "Polling place?";
  private static final int MAX_BODY = Message.MAX_BODY_LENGTH;
  // Tuesday 3 Nov 2026, 17:30 UTC = 11:30 in Chicago.
  private final MutableClock clock = MutableClock.at("2026-11-03T17:30:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;

  /** The store under test. */
  abstract Store store();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(store()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(StoreContract.ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  /** Ana's conversation with {@link #CONTACT}, its initial message sent. */
  private long started() {
    org.customFields().define(CustomField.text("pollingPlace", "Polling place"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder(CONTACT).firstName("Sam").zip("60601").build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .question(Question.field(PROMPT, "pollingPlace"))
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/Chicago")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(1)))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    NextMessage next = ana.nextToSend(action).orElseThrow();
    ana.send(next.conversationId());
    return next.conversationId();
  }

  private Texter ana() {
    return org.texter("ana");
  }

  private Message lastMessage(long conversationId) {
    List<Message> thread = ana().messages(conversationId);
    return thread.get(thread.size() - 1);
  }

  /** The message the contact's reply was stored as, in the conversation with them. */
  private Message reply(String body, URI... media) {
    long conversation = started();
    assertThat(fake.replyFrom(CONTACT, NUMBER, body, media).status()).isBetween(200, 299);
    return lastMessage(conversation);
  }

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(Violation::field)
                    .contains(field));
  }

  @Nested
  @DisplayName("message bodies")
  class Bodies {
    @Test
    @DisplayName(
        "an inbound body of a million characters is stored cut to 4,096 and marked, not retried")
    void longInboundBodyIsStoredCut() {
      String body = "y".repeat(1_000_000);
      Message stored = reply(body);
      assertThat(stored.body()).isEqualTo(body.substring(0, MAX_BODY));
      assertThat(stored.truncated()).isTrue();
    }

    @Test
    @DisplayName("an inbound body cut at the limit keeps a surrogate pair whole")
    void cutKeepsPairsWhole() {
      String body = "y".repeat(MAX_BODY - 1) + "😀" + "y".repeat(10);
      Message stored = reply(body);
      assertThat(stored.body()).isEqualTo("y".repeat(MAX_BODY - 1));
      assertThat(stored.truncated()).isTrue();
    }

    @Test
    @DisplayName("an inbound body at the limit is stored whole")
    void bodyAtTheLimitIsWhole() {
      String body = "y".repeat(MAX_BODY);
      Message stored = reply(body);
      assertThat(stored.body()).isEqualTo(body);
      assertThat(stored.truncated()).isFalse();
    }

    @Test
    @DisplayName("an outbound body over 4,096 characters is refused naming body; nothing is sent")
    void longOutboundBodyIsRefused() {
      long conversation = started();
      int before = ana().messages(conversation).size();
      assertRefused(() -> ana().replyText(conversation, "y".repeat(MAX_BODY + 1)), "body");
      assertThat(ana().messages(conversation)).hasSize(before);
      assertThat(fake.sent()).hasSize(1);
      assertThat(ana().replyText(conversation, "y".repeat(MAX_BODY)).body()).hasSize(MAX_BODY);
    }

    @Test
    @DisplayName("an inbound message with more than 10 media keeps the first 10, marked truncated")
    void inboundMediaAreBounded() {
      URI[] media =
          IntStream.range(0, 12)
              .mapToObj(i -> URI.create("https://media.test/" + i + ".jpg"))
              .toArray(URI[]::new);
      Message stored = reply("Look", media);
      assertThat(stored.media()).containsExactlyElementsOf(List.of(media).subList(0, 10));
      assertThat(stored.truncated()).isTrue();
    }
  }

  @Nested
  @DisplayName("NUL characters and lone surrogates in text")
  class Characters {
    @Test
    @DisplayName("a NUL in an inbound body is stored as U+FFFD")
    void nulInInboundBody() {
      assertThat(reply("Yes\u0000!").body()).isEqualTo("Yes\uFFFD!");
    }

    @Test
    @DisplayName("a lone surrogate escaped in a carrier's JSON is stored as U+FFFD")
    void loneSurrogateInInboundBody() {
      long conversation = started();
      String json =
          "{\"events\":[{\"type\":\"inbound\",\"id\":\"IN-1\",\"from\":\""
              + CONTACT
              + "\",\"to\":\""
              + NUMBER
              + "\",\"body\":\"Yes\\ud83d!\",\"media\":[]}]}";
      assertThat(
              fake.post(
                      new FakeWire(FakeGateway.DEFAULT_SECRET)
                          .signed(
                              FakeGateway.DEFAULT_WEBHOOK_URL,
                              json.getBytes(StandardCharsets.UTF_8)))
                  .status())
          .isBetween(200, 299);
      assertThat(lastMessage(conversation).body()).isEqualTo("Yes\uFFFD!");
    }

    @Test
    @DisplayName("a NUL in a CSV name imports the row, with U+FFFD")
    void nulInCsvName() {
      String csv = "phone,first name,polling place\n" + CONTACT + ",Sa\u0000m,Hall\u0000B\n";
      ImportReport report =
          org.contacts()
              .importCsv(
                  "Voters\u0000",
                  new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                  ImportOptions.defaults(),
                  progress -> {});
      assertThat(report.imported()).isEqualTo(1);
      long list = report.listId().orElseThrow();
      assertThat(org.contacts().list(list).orElseThrow().name()).isEqualTo("Voters\uFFFD");
      Contact c = org.contacts().findByPhone(list, CONTACT).orElseThrow();
      assertThat(c.details().firstName()).isEqualTo("Sa\uFFFDm");
      assertThat(c.details().fields()).containsEntry("pollingPlace", "Hall\uFFFDB");
    }

    @Test
    @DisplayName("a contact added with NULs and lone surrogates keeps U+FFFD in their place")
    void contactText() {
      long list = org.contacts().createList("voters").id();
      Contact c =
          org.contacts()
              .add(
                  list,
                  NewContact.builder(CONTACT)
                      .firstName("Sa\uD800m")
                      .lastName("Li\u0000")
                      .zip("606\u000001")
                      .externalId("crm\uDC00-1")
                      .field("note", "a\u0000b\uD83D")
                      .build());
      Contact read = org.contacts().find(c.id()).orElseThrow();
      assertThat(read.details().firstName()).isEqualTo("Sa\uFFFDm");
      assertThat(read.details().lastName()).isEqualTo("Li\uFFFD");
      assertThat(read.details().zip()).contains("606\uFFFD01");
      assertThat(read.details().externalId()).contains("crm\uFFFD-1");
      assertThat(read.details().fields()).containsEntry("note", "a\uFFFDb\uFFFD");
    }

    @Test
    @DisplayName("texter, team and list names keep U+FFFD for a NUL or a lone surrogate")
    void names() {
      org.texters().upsert(new TexterProfile("ben", "B\u0000en", "L\uD800i"));
      assertThat(org.texters().find("ben"))
          .contains(new TexterProfile("ben", "B\uFFFDen", "L\uFFFDi"));
      assertThat(org.teams().upsert("volunteers", "Vol\u0000unteers").name())
          .isEqualTo("Vol\uFFFDunteers");
      assertThat(org.contacts().createList("List\uDC00").name()).isEqualTo("List\uFFFD");
    }

    @Test
    @DisplayName("a texter's reply, a field value and a report answer keep U+FFFD")
    void conversationText() {
      long conversation = started();
      assertThat(ana().replyText(conversation, "Hi\u0000 there\uD800").body())
          .isEqualTo("Hi\uFFFD there\uFFFD");
      assertThat(fake.sent().get(1).body()).isEqualTo("Hi\uFFFD there\uFFFD");
      assertThat(ana().setField(conversation, "pollingPlace", "Hall\u0000A").fields())
          .containsEntry("pollingPlace", "Hall\uFFFDA");
      ana().fileReport(conversation, Map.of(PROMPT, List.of("Hall\u0000B")));
      assertThat(ana().conversation(conversation).report().orElseThrow().answers())
          .containsEntry(PROMPT, List.of("Hall\uFFFDB"));
    }
  }

  @Nested
  @DisplayName("ids compare exactly")
  class Ids {
    @Test
    @DisplayName("texter(\"x \") is refused naming texterId, never taken for texter x")
    void trailingSpaceIsNotAnotherTexter() {
      org.texters().upsert(new TexterProfile("x", "Xavier", ""));
      assertRefused(() -> org.texter("x "), "texterId");
      assertRefused(() -> org.texters().find("x "), "texterId");
      assertThat(org.texter("x").id()).isEqualTo("x");
    }

    @Test
    @DisplayName(
        "a texter id blank, padded, with a control character or lone surrogate, or over"
            + " 255 characters is refused naming id")
    void badTexterIds() {
      for (String id : List.of(" ", "x ", " x", "a\tb", "a\u0000b", "a\uD800b", "y".repeat(256))) {
        assertRefused(() -> org.texters().upsert(new TexterProfile(id, "X", "")), "id");
      }
      assertThat(org.texters().page(10).items())
          .extracting(TexterProfile::id)
          .containsExactly("ana");
      org.texters().upsert(new TexterProfile("y".repeat(255), "Y", ""));
    }

    @Test
    @DisplayName("a tag or field name with a space at the end is refused, never taken for another")
    void paddedTagAndFieldNames() {
      long conversation = started();
      org.tags().define(Tag.named("supporter"));
      assertRefused(() -> org.tags().find("supporter "), "name");
      assertRefused(() -> org.customFields().find("pollingPlace "), "name");
      assertRefused(() -> ana().tag(conversation, "supporter "), "tags");
      assertRefused(
          () -> ana().setField(conversation, "pollingPlace ", "Hall"), "fields.pollingPlace ");
      ana().tag(conversation, "supporter");
      assertRefused(() -> ana().untag(conversation, "supporter "), "tags");
      assertRefused(() -> org.tags().delete("supporter "), "name");
      assertThat(ana().conversation(conversation).tags()).containsExactly("supporter");
      assertThat(org.tags().find("supporter")).isPresent();
    }

    @Test
    @DisplayName("a group id or member id with a space at either end is refused")
    void paddedGroupAndMemberIds() {
      org.teams().upsert("volunteers", "Volunteers");
      assertRefused(() -> org.teams().upsert("volunteers ", "Volunteers"), "groupId");
      assertRefused(() -> org.teams().find(" volunteers"), "groupId");
      assertRefused(() -> org.teams().addMembers("volunteers", List.of("ana ")), "texterIds");
      assertThat(org.teams().all()).hasSize(1);
      assertThat(org.teams().members("volunteers")).isEmpty();
    }
  }
}
