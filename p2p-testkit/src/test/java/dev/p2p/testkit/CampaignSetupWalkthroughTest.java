package dev.p2p.testkit;

import static dev.p2p.script.ReplyEffect.field;
import static dev.p2p.script.ReplyEffect.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Estimate;
import dev.p2p.action.Estimate.VariantEstimate;
import dev.p2p.action.Preview;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.RowError;
import dev.p2p.field.CustomField;
import dev.p2p.field.FieldType;
import dev.p2p.field.Tag;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.script.ReplyScript;
import dev.p2p.sms.SmsEncoding;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM developer's first campaign, written as the CRM would write it: an organization, a CSV
 * import, tags and fields, an action with weighted variants, scripts, a report, texting hours and a
 * sender on a registered {@link FakeGateway}; preview, estimate, the lifecycle, webhooks; and the
 * mistakes a newcomer makes, with the messages they get back.
 */
@DisplayName("Setting up a campaign, as a CRM would")
class CampaignSetupWalkthroughTest {
  private static final String OUR_NUMBER = "+13125550100";
  private static final String ANA = "+13125550101";
  private static final String VOTERS =
      """
      phone,first name,last name,zip,polling place
      (312) 555-0101,Ana,Lopez,60601,Lincoln School
      312-555-0102,Ben,Okafor,60602,City Hall
      312.555.0102,Ben,Okafor,60602,City Hall
      not a phone,Cy,Ruiz,60603,Public Library
      """;

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-03T15:00:00Z"), ZoneOffset.UTC);
  private final FakeGateway carrier = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", carrier).build();
  private Organization acme;
  private ImportReport imported;
  private long listId;

  @BeforeEach
  void setUpTheOrganization() throws IOException {
    acme = p2p.organization("acme");
    Path csv = Files.writeString(dir.resolve("voters.csv"), VOTERS);
    imported = acme.contacts().importCsv("GOTV list", csv);
    listId = imported.listId().orElseThrow();

    acme.tags().define(new Tag("supporter", "Will vote for us"));
    acme.tags().define(Tag.named("not-voting"));
    acme.tags().define(Tag.named("undecided"));
    acme.customFields()
        .define(CustomField.choice("support", "Support level", "strong", "lean", "none"));
    acme.customFields().define(CustomField.date("pledgeDate", "Pledged to vote on"));
    acme.texters().upsert(new TexterProfile("ana-admin", "Alexandra", "Kim"));
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  /** The campaign the walkthrough builds: everything the brief of a GOTV day asks for. */
  private ActionDraft gotvDay() {
    return ActionDraft.named("GOTV Day")
        .contacts(listId)
        .initial(
            "Hi {firstName|there}, it's {texterFirstName} with Acme. Will you vote Tuesday?", 3)
        .initial("Hey {firstName|there}! {texterFirstName} here. Can we count on your vote?", 1)
        .reply(
            ReplyScript.of(
                    "Yes",
                    "Amazing! Your polling place is {pollingPlace|on vote.org}.",
                    tag("supporter"),
                    field("support", "strong"))
                .withFollowUps(
                    ReplyScript.of(
                        "When",
                        "Polls are open 7am to 7pm on Tuesday.",
                        field("pledgeDate", LocalDate.of(2026, 11, 3)))))
        .reply("No", "Thanks for letting me know.", tag("not-voting"), field("support", "none"))
        .reply("Maybe", "No worries, I'll check back.", tag("undecided"))
        .question(Question.tags("Will they vote?", "supporter", "not-voting", "undecided"))
        .question(Question.field("How strong is their support?", "support"))
        .textingHours(
            new TextingHours(
                LocalTime.of(10, 0), LocalTime.of(19, 0), ZoneId.of("America/Chicago")))
        .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER)));
  }

  private Action create() {
    return acme.actions().create(gotvDay());
  }

  private long contact(String phone) {
    return acme.contacts().findByPhone(listId, phone).orElseThrow().id();
  }

  @Nested
  @DisplayName("Importing contacts and defining what conversations record")
  class Setup {
    @Test
    @DisplayName("the import normalizes phones and reports the duplicate and the bad row by number")
    void importReportsEachRow() {
      assertThat(imported.rowsRead()).isEqualTo(4);
      assertThat(imported.imported()).isEqualTo(2);
      assertThat(imported.duplicates()).isEqualTo(1);
      assertThat(imported.invalid()).isEqualTo(1);
      assertThat(imported.errors()).extracting(RowError::row).containsExactly(4L, 5L);
      assertThat(acme.contacts().findByPhone(listId, "+1 312 555 0101"))
          .hasValueSatisfying(c -> assertThat(c.phone()).isEqualTo(ANA));
    }

    @Test
    @DisplayName("a column the import does not know becomes a camelCase field templates can read")
    void unknownColumnsBecomeFields() {
      assertThat(imported.columns()).containsEntry("polling place", "pollingPlace");
      assertThat(acme.contacts().find(contact(ANA)).orElseThrow().details().fields())
          .containsEntry("pollingPlace", "Lincoln School");
    }

    @Test
    @DisplayName("tags and typed custom fields are defined once for the organization")
    void tagsAndFieldsAreDefined() {
      assertThat(acme.tags().list())
          .extracting(Tag::name)
          .containsExactly("not-voting", "supporter", "undecided");
      assertThat(acme.customFields().find("support"))
          .hasValueSatisfying(
              f -> assertThat(f.options()).containsExactly("strong", "lean", "none"));
      assertThat(acme.customFields().find("pledgeDate").map(CustomField::type))
          .contains(FieldType.DATE);
    }
  }

  @Nested
  @DisplayName("Writing the action")
  class Writing {
    @Test
    @DisplayName("a new action is a draft holding the variants, the reply tree and the report")
    void aNewActionIsADraft() {
      Action gotv = create();
      assertThat(gotv.status()).isEqualTo(ActionStatus.DRAFT);
      assertThat(gotv.script().initials()).extracting(i -> i.weight()).containsExactly(3, 1);
      assertThat(gotv.script().reply("Yes/When").map(ReplyScript::fields))
          .hasValueSatisfying(f -> assertThat(f).containsEntry("pledgeDate", "2026-11-03"));
      assertThat(gotv.spec().tagsUsed()).containsExactly("supporter", "not-voting", "undecided");
      assertThat(gotv.spec().fieldsUsed()).containsExactly("support", "pledgeDate");
    }

    @Test
    @DisplayName("problems() is empty when the action is ready to publish")
    void aCompleteDraftHasNoProblems() {
      assertThat(acme.actions().problems(create().id())).isEmpty();
    }

    @Test
    @DisplayName("a preview renders a body for one contact and one texter, with segments and cost")
    void previewRendersForAContact() {
      Action gotv = create();
      String firstVariant = gotv.script().initials().get(0).body();
      Preview preview = acme.actions().preview(gotv.id(), firstVariant, contact(ANA), "ana-admin");
      assertThat(preview.sent())
          .isEqualTo("Hi Ana, it's Alexandra with Acme. Will you vote Tuesday?");
      assertThat(preview.segments().encoding()).isEqualTo(SmsEncoding.GSM_7);
      assertThat(preview.segments().count()).isEqualTo(1);
      assertThat(preview.cost()).isPositive();
    }

    @Test
    @DisplayName("the estimate splits the list between the variants by weight and prices each")
    void estimateIsReadPerVariant() {
      Action gotv = create();
      Estimate estimate = acme.actions().estimate(gotv.id());
      assertThat(estimate.contacts()).isEqualTo(2);
      assertThat(estimate.texterName()).isEqualTo("Alexandra");
      assertThat(estimate.variants())
          .extracting(VariantEstimate::share)
          .containsExactly(0.75, 0.25);
      VariantEstimate heavier = estimate.variants().get(0);
      assertThat(gotv.script().initials().get(heavier.index()).weight()).isEqualTo(3);
      assertThat(estimate.variants())
          .extracting(VariantEstimate::segments)
          .allSatisfy(segments -> assertThat(segments).isPositive());
      assertThat(estimate.cost())
          .isEqualByComparingTo(
              estimate.variants().stream()
                  .map(VariantEstimate::cost)
                  .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }
  }

  @Nested
  @DisplayName("Running the action")
  class Running {
    @Test
    @DisplayName("publishing checks everything and goes live")
    void publishGoesLive() {
      Action live = acme.actions().publish(create().id());
      assertThat(live.status()).isEqualTo(ActionStatus.PUBLISHED);
    }

    @Test
    @DisplayName("a live action's reply is edited in place with editReply, and stays live")
    void aLiveScriptIsEdited() {
      long id = acme.actions().publish(create().id()).id();
      Action edited =
          acme.actions()
              .update(
                  id, d -> d.editReply("Yes/When", r -> r.withBody("Polls are open 6am to 7pm.")));
      assertThat(edited.status()).isEqualTo(ActionStatus.PUBLISHED);
      assertThat(edited.script().reply("Yes/When").map(ReplyScript::body))
          .contains("Polls are open 6am to 7pm.");
      assertThat(edited.script().reply("Yes/When").map(ReplyScript::fields))
          .hasValueSatisfying(f -> assertThat(f).containsEntry("pledgeDate", "2026-11-03"));
    }

    @Test
    @DisplayName("a live action pauses, resumes and closes for good")
    void pauseResumeClose() {
      long id = acme.actions().publish(create().id()).id();
      assertThat(acme.actions().pause(id).status()).isEqualTo(ActionStatus.PAUSED);
      assertThat(acme.actions().resume(id).status()).isEqualTo(ActionStatus.PUBLISHED);
      assertThat(acme.actions().close(id).status()).isEqualTo(ActionStatus.CLOSED);
    }

    @Test
    @DisplayName("a copy of a closed action is a new draft with the same scripts, ready to publish")
    void aCopyIsANewDraft() {
      Action original = create();
      acme.actions().publish(original.id());
      acme.actions().close(original.id());
      Action copy = acme.actions().copy(original.id());
      assertThat(copy.status()).isEqualTo(ActionStatus.DRAFT);
      assertThat(copy.name()).isEqualTo("GOTV Day (copy)");
      assertThat(copy.script()).isEqualTo(original.script());
      assertThat(acme.actions().problems(copy.id())).isEmpty();
    }
  }

  @Nested
  @DisplayName("Wiring webhooks")
  class Webhooks {
    @BeforeEach
    void connect() {
      carrier.connect(p2p.webhooks()::handle);
    }

    @Test
    @DisplayName("a request signed by the carrier is accepted")
    void aSignedRequestIsAccepted() {
      WebhookResponse response = carrier.replyFrom(ANA, OUR_NUMBER, "Yes!");
      assertThat(response.status()).isEqualTo(204);
    }

    @Test
    @DisplayName("a forged request is refused with 403, naming no secret")
    void aForgedRequestIsRefused() {
      WebhookRequest genuine = carrier.webhooks().inbound(ANA, OUR_NUMBER, "STOP");
      WebhookResponse response = carrier.post(carrier.webhooks().withBadSignature(genuine));
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body())
          .isEqualTo("signature does not match")
          .doesNotContain(FakeGateway.DEFAULT_SECRET);
    }

    @Test
    @DisplayName("an unsigned request is refused with 401")
    void anUnsignedRequestIsRefused() {
      WebhookRequest genuine = carrier.webhooks().inbound(ANA, OUR_NUMBER, "Yes");
      assertThat(carrier.post(carrier.webhooks().unsigned(genuine)).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("the CRM's one route finds the gateway from the URL; an unknown one is a 404")
    void theRouteFindsTheGateway() {
      WebhookRequest signed = carrier.webhooks().inbound(ANA, OUR_NUMBER, "Yes");
      assertThat(p2p.webhooks().handle("fake", signed).status()).isEqualTo(204);
      assertThat(p2p.webhooks().handle("twilio", signed).status()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("A newcomer's mistakes, and what the messages say")
  class Mistakes {
    private List<Violation> publishing(Consumer<ActionDraft> mistake) {
      ActionDraft draft = gotvDay();
      mistake.accept(draft);
      long id = acme.actions().create(draft).id();
      try {
        acme.actions().publish(id);
      } catch (ValidationException e) {
        assertThat(acme.actions().find(id).map(Action::status)).contains(ActionStatus.DRAFT);
        return e.violations();
      }
      throw new AssertionError("publishing should have failed");
    }

    @Test
    @DisplayName("a typo in a variable is named with the variable meant")
    void aTypoInAVariable() {
      assertThat(publishing(d -> d.initial("Hi {fristName}, vote Tuesday!")))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("script.initial[2].body");
                assertThat(v.reason())
                    .startsWith("uses unknown variable {fristName}")
                    .endsWith("did you mean {firstName}?");
              });
    }

    @Test
    @DisplayName("an unknown tag is named with the tag meant and how to define a new one")
    void anUnknownTag() {
      assertThat(publishing(d -> d.reply("Later", "Ok!", tag("suporter"))))
          .containsExactly(
              new Violation(
                  "script.replies[Later].tags",
                  "uses unknown tag 'suporter': did you mean 'supporter'? If not, define it first"
                      + " with tags().define(Tag.named(\"suporter\"))"));
    }

    @Test
    @DisplayName("values of the wrong type for a choice and a date field are each named")
    void valuesOfTheWrongType() {
      assertThat(
              publishing(
                  d ->
                      d.reply(
                          "Sure",
                          "Great!",
                          field("support", "STRONG"),
                          field("pledgeDate", "next Tuesday"))))
          .containsExactly(
              new Violation(
                  "script.replies[Sure].fields.support", "must be one of strong, lean, none"),
              new Violation(
                  "script.replies[Sure].fields.pledgeDate", "must be a date such as 2026-11-03"));
    }

    @Test
    @DisplayName("publishing twice says the action is already live")
    void publishingTwice() {
      long id = acme.actions().publish(create().id()).id();
      assertThatThrownBy(() -> acme.actions().publish(id))
          .isInstanceOf(ValidationException.class)
          .hasMessage("1 problem: status is PUBLISHED: it cannot be published; it is already live");
    }

    @Test
    @DisplayName("closing a draft says to delete it instead")
    void closingADraft() {
      long id = create().id();
      assertThatThrownBy(() -> acme.actions().close(id))
          .hasMessage("1 problem: status is DRAFT: it cannot be closed; delete a draft instead");
      assertThat(acme.actions().delete(id)).isTrue();
    }

    @Test
    @DisplayName("resuming a draft is refused, not taken as publishing it")
    void resumingADraft() {
      long id = create().id();
      assertThatThrownBy(() -> acme.actions().resume(id))
          .hasMessage("1 problem: status is DRAFT: it cannot be resumed; publish a draft instead");
      assertThat(acme.actions().find(id).map(Action::status)).contains(ActionStatus.DRAFT);
    }

    @Test
    @DisplayName("pausing a closed action says a copy is the way back")
    void pausingAClosedAction() {
      long id = acme.actions().publish(create().id()).id();
      acme.actions().close(id);
      assertThatThrownBy(() -> acme.actions().pause(id))
          .hasMessageContaining("is CLOSED: it cannot be paused")
          .hasMessageContaining("copy it to start a new draft");
    }

    @Test
    @DisplayName("changing the contact list of a live action says to copy it, and changes nothing")
    void changingTheListOfALiveAction() {
      long id = acme.actions().publish(create().id()).id();
      long other = acme.contacts().createList("Other").id();
      assertThatThrownBy(() -> acme.actions().update(id, d -> d.contacts(other)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .contains(
                          new Violation(
                              "contacts",
                              "cannot change once the action is published (it is PUBLISHED):"
                                  + " copy the action and change the copy")));
      assertThat(acme.actions().find(id).orElseThrow().spec().contactListId()).hasValue(listId);
    }

    @Test
    @DisplayName("a sender number written as people write it is refused, saying how to write it")
    void aBadPhoneInSenderSettings() {
      assertThatThrownBy(() -> SenderSettings.numbers("fake", List.of("(312) 555-0100")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.field()).isEqualTo("sender.numbers[0]");
                            assertThat(v.reason())
                                .contains("'+', the country code and the number")
                                .contains("+14155552671");
                          }));
    }

    @Test
    @DisplayName("a gateway id with a space is quoted, in sender settings and at registration")
    void aGatewayIdWithSpaces() {
      assertThatThrownBy(() -> SenderSettings.numbers("my fake", List.of(OUR_NUMBER)))
          .hasMessageContaining("sender.gateway 'my fake' is not a valid id (it has a space)");
      assertThatThrownBy(
              () -> P2P.builder().store(InMemoryStore.create()).gateway("my fake", carrier).build())
          .hasMessageContaining("gateway id 'my fake' is not a valid id (it has a space)");
    }

    @Test
    @DisplayName("a sender naming a gateway that was never registered lists the registered ones")
    void anUnregisteredGateway() {
      assertThat(publishing(d -> d.sender(SenderSettings.numbers("twilio", List.of(OUR_NUMBER)))))
          .containsExactly(
              new Violation(
                  "sender.gateway",
                  "'twilio' is not a gateway registered with P2P.builder().gateway(..)"
                      + " (registered: fake)"));
    }
  }
}
