package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.GatewayError;
import dev.p2p.report.ActionReport;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Phones that can no longer be texted (opted out, or marked invalid by a carrier) through the
 * public API: their conversations count as blocked, never as waiting nor in the remaining cost, so
 * an action reaches 0 waiting. Run by {@link StoreContract} on every store.
 */
abstract class BlockedContactsContract {
  private static final String NUMBER = "+13125550100";
  private static final String INVALID = "+13125550201";
  private static final String OPTED_OUT = "+13125550202";
  private static final String FIRST = "+13125550203";
  private static final String SECOND = "+13125550204";

  private final MutableClock clock = MutableClock.at(StoreContract.NOW.plusSeconds(3_600));
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private Texter ana;
  private Texter ben;

  /** The store under test. */
  abstract Store store();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(store()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(StoreContract.ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    org.texters().upsert(new TexterProfile("ben", "Ben", "Li"));
    ana = org.texter("ana");
    ben = org.texter("ben");
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  private long action(String name, String texter, String... phones) {
    long listId = org.contacts().createList(name).id();
    for (String phone : phones) {
      org.contacts().add(listId, NewContact.builder(phone).firstName("Sam").build());
    }
    long id =
        org.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .textingHours(
                        new TextingHours(LocalTime.of(8, 0), LocalTime.of(21, 0), ZoneId.of("UTC")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(10)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.texter(texter));
    return id;
  }

  /** Ben texts the phone in an action of its own; the carrier answers "invalid number". */
  private void markInvalidByCarrier(String phone) {
    long earlier = action("earlier " + phone, "ben", phone);
    ben.requestBatch(earlier);
    fake.failNext(1, GatewayError.invalidNumber());
    clock.advance(Duration.ofSeconds(1));
    assertThat(ben.send(ben.nextToSend(earlier).orElseThrow().conversationId()).status())
        .isEqualTo(MessageStatus.FAILED);
  }

  private void sendAll(Texter texter, long actionId) {
    while (texter.nextToSend(actionId).isPresent()) {
      clock.advance(Duration.ofSeconds(1));
      texter.send(texter.nextToSend(actionId).orElseThrow().conversationId());
    }
  }

  @Test
  @DisplayName("phones opted out or invalid before an action starts are blocked, not waiting")
  void blockedBeforeTheAction() {
    markInvalidByCarrier(INVALID);
    org.optOuts().add(OPTED_OUT);
    long gotv = action("GOTV", "ana", INVALID, OPTED_OUT, FIRST, SECOND);
    assertThat(ana.requestBatch(gotv)).isEqualTo(2); // opens the pool; blocked phones stay out

    ActionReport before = org.reports().action(gotv);
    assertThat(before.totals().contacts()).isEqualTo(4);
    assertThat(before.totals().waiting()).isEqualTo(2);
    assertThat(before.totals().blocked()).isEqualTo(2);
    assertThat(before.cost().remainingMessages()).isEqualTo(2);

    sendAll(ana, gotv);

    ActionReport after = org.reports().action(gotv);
    assertThat(after.totals().waiting()).isZero();
    assertThat(after.totals().blocked()).isEqualTo(2);
    assertThat(after.totals().messaged()).isEqualTo(2);
    assertThat(after.cost().remainingMessages()).isZero();
    assertThat(after.cost().remainingEstimate()).hasValueSatisfying(c -> assertThat(c).isZero());
    assertThat(ana.inbox().counts(gotv)).isEqualTo(new InboxCounts(2, 0, 0, 0, 0));
  }

  @Test
  @DisplayName("a published action's report counts its contacts before anyone asks for a batch")
  void countedFromPublish() {
    org.optOuts().add(OPTED_OUT);
    long gotv = action("GOTV", "ana", OPTED_OUT, FIRST, SECOND);

    ActionReport report = org.reports().action(gotv);
    assertThat(report.totals().contacts()).isEqualTo(3);
    assertThat(report.totals().waiting()).isEqualTo(2);
    assertThat(report.totals().blocked()).isEqualTo(1);
    assertThat(report.cost().remainingMessages()).isEqualTo(2);
  }

  @Test
  @DisplayName("a phone marked invalid while in a texter's queue leaves 'to send' for 'blocked'")
  void blockedInTheQueue() {
    long gotv = action("GOTV", "ana", INVALID, FIRST);
    assertThat(ana.requestBatch(gotv)).isEqualTo(2);
    assertThat(ana.inbox().counts(gotv)).isEqualTo(new InboxCounts(0, 0, 0, 2, 0));

    markInvalidByCarrier(INVALID);

    assertThat(ana.inbox().counts(gotv)).isEqualTo(new InboxCounts(0, 0, 0, 1, 1));
    ActionReport report = org.reports().action(gotv);
    assertThat(report.totals().waiting()).isEqualTo(1);
    assertThat(report.totals().blocked()).isEqualTo(1);
    assertThat(report.cost().remainingMessages()).isEqualTo(1);
    sendAll(ana, gotv);
    assertThat(ana.inbox().counts(gotv)).isEqualTo(new InboxCounts(1, 0, 0, 0, 1));
    assertThat(org.reports().action(gotv).totals().waiting()).isZero();
  }
}
