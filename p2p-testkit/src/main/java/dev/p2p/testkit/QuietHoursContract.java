package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The federal quiet-hours floor through the public API: whatever an action's texting hours, no
 * initial message goes out before 08:00 or from 21:00 in the contact's local time, unless the
 * organization waives the floor in its settings. Run by {@link StoreContract} on every store.
 */
abstract class QuietHoursContract {
  private static final String NUMBER = "+13125550100";
  private static final String CHICAGO = "+13125550111";
  // Tuesday 3 Nov 2026, 10:38 UTC: 04:38 in Chicago (CST, UTC-6).
  private static final Instant FOUR_38_IN_CHICAGO = Instant.parse("2026-11-03T10:38:00Z");
  private static final Instant EIGHT_IN_CHICAGO = Instant.parse("2026-11-03T14:00:00Z");
  private static final Instant EIGHT_30_PM_IN_CHICAGO = Instant.parse("2026-11-04T02:30:00Z");

  private final MutableClock clock = MutableClock.at(FOUR_38_IN_CHICAGO);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private Texter ana;

  /** The store under test. */
  abstract Store store();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(store()).clock(clock).gateway("fake", fake).build();
    org = p2p.organization(StoreContract.ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    ana = org.texter("ana");
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  /** A live action texting all day (00:00 to 23:59), state rules off, for a Chicago number. */
  private long allDayAction() {
    assertThat(org.settings().stateRules()).isFalse();
    long listId = org.contacts().createList("voters").id();
    org.contacts().add(listId, NewContact.builder(CHICAGO).firstName("Sam").build());
    long id =
        org.actions()
            .create(
                ActionDraft.named("All day")
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(0, 0), LocalTime.of(23, 59), ZoneId.of("UTC")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(5)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.texter("ana"));
    return id;
  }

  @Test
  @DisplayName("hours of 00:00-23:59 do not text a Chicago number at 04:38 its time; 08:00 does")
  void floorBeforeEight() {
    long actionId = allDayAction();

    assertThat(ana.requestBatch(actionId)).isZero();
    assertThat(ana.nextToSend(actionId)).isEmpty();
    assertThat(fake.sent()).isEmpty();

    clock.set(EIGHT_IN_CHICAGO);
    assertThat(ana.requestBatch(actionId)).isEqualTo(1);
    ana.send(ana.nextToSend(actionId).orElseThrow().conversationId());
    assertThat(fake.sentTo(CHICAGO)).hasSize(1);
  }

  @Test
  @DisplayName("a contact claimed at 20:30 its time is refused at 21:00, naming the floor")
  void floorFromNine() {
    clock.set(EIGHT_30_PM_IN_CHICAGO);
    long actionId = allDayAction();
    assertThat(ana.requestBatch(actionId)).isEqualTo(1);
    long conversationId = ana.nextToSend(actionId).orElseThrow().conversationId();

    clock.advance(Duration.ofMinutes(30));

    assertThatThrownBy(() -> ana.send(conversationId))
        .isInstanceOf(OutsideTextingHoursException.class)
        .hasMessageContaining("time zone America/Chicago, federal floor 08:00-21:00")
        .hasMessageContaining("+1******0111");
    assertThat(fake.sent()).isEmpty();
    assertThat(ana.messages(conversationId)).isEmpty();
  }

  @Test
  @DisplayName("an organization that waives the floor texts at 04:38, as its hours allow")
  void waiver() {
    assertThat(org.settings().waiveFederalQuietHours()).isFalse();
    org.updateSettings(s -> s.withFederalQuietHoursWaived(true));
    assertThat(org.settings().waiveFederalQuietHours()).isTrue();
    long actionId = allDayAction();

    assertThat(ana.requestBatch(actionId)).isEqualTo(1);
    ana.send(ana.nextToSend(actionId).orElseThrow().conversationId());

    assertThat(fake.sentTo(CHICAGO)).hasSize(1);
    org.updateSettings(s -> s.withFederalQuietHoursWaived(false));
    assertThat(org.settings().waiveFederalQuietHours()).isFalse();
  }
}
