package dev.p2p.action;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.NewContact;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.script.ReplyScript;
import dev.p2p.store.memory.InMemoryStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Publishing refuses each problem, naming where it is, and writes nothing. */
class PublishValidationTest {
  private Organization org;
  private long listId;

  @BeforeEach
  void setUp() {
    org =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway(OneNumberGateway.ID, new OneNumberGateway())
            .build()
            .organization("acme");
    org.tags().define(Tag.named("supporter"));
    org.customFields().define(CustomField.number("age", "Age"));
    listId = org.contacts().createList("Voters").id();
    org.contacts()
        .add(
            listId, NewContact.builder("+13125550100").field("Polling Place", "City Hall").build());
  }

  /** A draft that publishes cleanly. */
  private ActionDraft valid() {
    return ActionDraft.named("GOTV")
        .contacts(listId)
        .initial("Hi {firstName|there}, it's {texterFirstName}. Vote at {pollingPlace}!")
        .reply("Yes", "Great! You're {age}?", tag("supporter"), field("age", "42"))
        .question(Question.tags("Will they vote?", "supporter"))
        .question(Question.field("Age?", "age"));
  }

  private List<Violation> publishFails(ActionDraft draft) {
    Action action = org.actions().create(draft);
    Throwable thrown = catchThrowable(() -> org.actions().publish(action.id()));
    assertThat(thrown).isInstanceOf(ValidationException.class);
    assertThat(org.actions().find(action.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.DRAFT);
    return ((ValidationException) thrown).violations();
  }

  @Test
  void aValidDraftPublishes() {
    Action action = org.actions().create(valid());
    assertThat(org.actions().problems(action.id())).isEmpty();
    Action published = org.actions().publish(action.id());
    assertThat(published.status()).isEqualTo(ActionStatus.PUBLISHED);
    assertThat(published.version()).isEqualTo(action.version() + 1);
  }

  @Test
  @DisplayName("a draft with hundreds of problems lists them all, and its message names 20")
  void manyProblemsAShortMessage() {
    ActionDraft draft = valid();
    for (int i = 0; i < 300; i++) {
      draft.reply("r" + i, "Thanks", tag("unknown" + i));
    }
    Action action = org.actions().create(draft);
    ValidationException thrown =
        (ValidationException) catchThrowable(() -> org.actions().publish(action.id()));

    assertThat(thrown.violations()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(thrown.getMessage())
        .startsWith(thrown.violations().size() + " problems: ")
        .endsWith("; and " + (thrown.violations().size() - 20) + " more (see violations())")
        .hasSizeLessThan(4_000);
  }

  @Test
  void anUnknownVariableIsNamed() {
    assertThat(publishFails(valid().initial("Hi {nickname}")))
        .containsExactly(new Violation("script.initial[1].body", unknownVariable("nickname")));
  }

  @Test
  void aSyntaxErrorInABodyIsNamed() {
    assertThat(publishFails(valid().initial("Hi {firstName")))
        .extracting(Violation::field)
        .containsExactly("script.initial[1].body");
  }

  @Test
  void anEmptyInitialBodyIsNamed() {
    assertThat(publishFails(valid().initial("  ")))
        .containsExactly(new Violation("script.initial[1].body", "must not be empty"));
  }

  @Test
  void anEmptyReplyBodyIsNamed() {
    assertThat(publishFails(valid().reply("No", "")))
        .containsExactly(new Violation("script.replies[No].body", "must not be empty"));
  }

  @Test
  void anUnknownTagInAReplyIsNamed() {
    assertThat(publishFails(valid().reply("No", "Ok", tag("not-voting"))))
        .extracting(Violation::field)
        .containsExactly("script.replies[No].tags");
  }

  @Test
  void anUnknownFieldInAReplyIsNamed() {
    assertThat(publishFails(valid().reply("No", "Ok", field("ward", "3"))))
        .extracting(Violation::field)
        .containsExactly("script.replies[No].fields.ward");
  }

  @Test
  void aFieldValueOfTheWrongTypeIsNamed() {
    assertThat(publishFails(valid().reply("No", "Ok", field("age", "forty"))))
        .containsExactly(
            new Violation("script.replies[No].fields.age", "must be a number, such as 42 or -3.5"));
  }

  @Test
  @DisplayName("a problem in a follow-up reply is named by its path")
  void aProblemInAFollowUpIsNamedByItsPath() {
    ReplyScript yes =
        ReplyScript.of("Yes", "Great").withFollowUps(ReplyScript.of("Where", "At {place}"));
    ActionDraft draft = ActionDraft.named("GOTV").contacts(listId).initial("Hi").reply(yes);
    assertThat(publishFails(draft))
        .containsExactly(
            new Violation("script.replies[Yes].followUps[Where].body", unknownVariable("place")));
  }

  @Test
  void repeatedReplyLabelsAreNamed() {
    assertThat(publishFails(valid().reply("Yes", "Again")))
        .containsExactly(
            new Violation(
                "script.replies[Yes].label", "is used by another reply at the same level"));
  }

  @Test
  void aBlankReplyLabelIsNamedByItsPosition() {
    assertThat(publishFails(valid().reply(" ", "Ok")))
        .containsExactly(new Violation("script.replies[#1].label", "must not be blank"));
  }

  @Test
  @DisplayName("a reply label containing the path separator '/' is named")
  void aLabelWithTheSeparatorIsNamed() {
    assertThat(publishFails(valid().reply("Yes/No", "Ok")))
        .containsExactly(new Violation("script.replies[Yes/No].label", "must not contain '/'"));
  }

  @Test
  void aBlankReportPromptIsNamed() {
    assertThat(publishFails(valid().question(Question.field(" ", "age"))))
        .containsExactly(new Violation("report[2].prompt", "must not be blank"));
  }

  @Test
  void aTagQuestionWithoutTagsIsNamed() {
    assertThat(publishFails(valid().question(Question.tags("Will they vote early?"))))
        .containsExactly(new Violation("report[2].tags", "must offer at least one tag"));
  }

  @Test
  void noInitialMessageIsNamed() {
    assertThat(publishFails(ActionDraft.named("GOTV").contacts(listId)))
        .containsExactly(new Violation("script.initial", "needs at least one initial message"));
  }

  @Test
  void anEmptyContactListIsNamed() {
    long empty = org.contacts().createList("Empty").id();
    assertThat(publishFails(ActionDraft.named("GOTV").contacts(empty).initial("Hi")))
        .containsExactly(new Violation("contacts", "list " + empty + " has no contacts"));
  }

  @Test
  void noContactListIsNamed() {
    assertThat(publishFails(ActionDraft.named("GOTV").initial("Hi")))
        .containsExactly(new Violation("contacts", "must name a contact list"));
  }

  @Test
  void aMissingContactListIsNamed() {
    assertThat(publishFails(valid().contacts(999_999)))
        .extracting(Violation::field)
        .contains("contacts");
  }

  @Test
  void anUnknownTagInTheReportIsNamed() {
    assertThat(publishFails(valid().question(Question.anyOfTags("Issues?", "housing"))))
        .extracting(Violation::field)
        .containsExactly("report[2].tags");
  }

  @Test
  void anUnknownFieldInTheReportIsNamed() {
    assertThat(publishFails(valid().question(Question.field("Ward?", "ward"))))
        .extracting(Violation::field)
        .containsExactly("report[2].field");
  }

  @Test
  void unknownTagsAndFieldsTextersMaySetAreNamed() {
    assertThat(publishFails(valid().tags("housing").fields("ward")))
        .extracting(Violation::field)
        .containsExactly("tags", "fields");
  }

  @Test
  @DisplayName("several problems are listed together, in one exception")
  void severalProblemsAreListedTogether() {
    ActionDraft draft =
        ActionDraft.named("GOTV")
            .initial("Hi {nickname}")
            .initial("")
            .reply("Yes", "Ok", tag("ghost"), field("age", "old"))
            .question(Question.field("Ward?", "ward"));
    assertThat(publishFails(draft))
        .extracting(Violation::field)
        .containsExactly(
            "contacts",
            "script.initial[0].body",
            "script.initial[1].body",
            "script.replies[Yes].tags",
            "script.replies[Yes].fields.age",
            "report[0].field");
  }

  @Test
  void aCustomFieldOfTheOrganizationIsAKnownVariable() {
    Action action =
        org.actions().create(ActionDraft.named("GOTV").contacts(listId).initial("You're {age}"));
    assertThat(org.actions().publish(action.id()).status()).isEqualTo(ActionStatus.PUBLISHED);
  }

  private static String unknownVariable(String name) {
    return "uses unknown variable {"
        + name
        + "}: not a built-in name, a custom field of the organization or a column of the contact"
        + " list";
  }

  @Test
  @DisplayName("a sender naming a gateway P2P does not know is named, with the registered ones")
  void anUnregisteredSenderGatewayIsNamed() {
    assertThat(publishFails(valid().sender(SenderSettings.messagingService("twilio", "MG1"))))
        .containsExactly(
            new Violation(
                "sender.gateway",
                "'twilio' is not a gateway registered with P2P.builder().gateway(..) (registered:"
                    + " sms)"));
  }

  @Test
  @DisplayName("a sender naming a registered gateway publishes")
  void aRegisteredSenderGatewayPublishes() {
    SmsGateway idle =
        new SmsGateway() {
          @Override
          public String carrier() {
            return "idle";
          }

          @Override
          public CompletableFuture<SendReceipt> send(OutboundMessage message) {
            throw new AssertionError("not called");
          }

          @Override
          public WebhookResult parse(WebhookRequest request) {
            throw new AssertionError("not called");
          }
        };
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).gateway("twilio-acme", idle).build()) {
      org = p2p.organization("acme");
      org.tags().define(Tag.named("supporter"));
      org.customFields().define(CustomField.number("age", "Age"));
      listId = org.contacts().createList("Voters").id();
      org.contacts()
          .add(
              listId,
              NewContact.builder("+13125550100").field("Polling Place", "City Hall").build());
      Action good =
          org.actions()
              .create(
                  valid().sender(SenderSettings.numbers("twilio-acme", List.of("+13125550199"))));
      assertThat(org.actions().publish(good.id()).status()).isEqualTo(ActionStatus.PUBLISHED);
      assertThat(publishFails(valid().sender(SenderSettings.messagingService("twilio", "MG1"))))
          .extracting(Violation::reason)
          .containsExactly(
              "'twilio' is not a gateway registered with P2P.builder().gateway(..) (registered:"
                  + " twilio-acme)");
    }
  }

  @Test
  @DisplayName("two questions asking the same prompt are refused: answers are keyed by its id")
  void aRepeatedQuestionIdIsNamed() {
    assertThat(publishFails(valid().question(Question.tags("Will they vote?", "supporter"))))
        .containsExactly(
            new Violation(
                "report[2].id", "'Will they vote?' is also report[0]'s id: ids are unique"));
  }

  @Test
  @DisplayName("a question given a blank id of its own is named by its id")
  void aBlankQuestionIdIsNamed() {
    assertThat(publishFails(valid().question(Question.tags("Early?", "supporter").withId(" "))))
        .containsExactly(new Violation("report[2].id", "must not be blank"));
  }
}
