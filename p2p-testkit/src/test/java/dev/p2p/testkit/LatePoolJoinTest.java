package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contacts added to a live action's list join its pool within a minute of p2p's clock, the clock
 * the host gave it: a test that drives a {@link MutableClock} sees them join when it moves the
 * clock, not after a minute of real time.
 */
class LatePoolJoinTest {
  @Test
  @DisplayName("contacts added to a live action's list join its pool a minute later by p2p's clock")
  void lateContactsJoinByTheInjectedClock() {
    MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
    FakeGateway fake = FakeGateway.builder().clock(clock).build();
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build()) {
      Organization acme = p2p.organization("acme");
      acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
      long list = acme.contacts().createList("voters").id();
      for (int i = 0; i < 3; i++) {
        acme.contacts().add(list, NewContact.builder("+1312555" + (2000 + i)).build());
      }
      long gotv =
          acme.actions()
              .create(ActionDraft.named("GOTV").contacts(list).initial("Hi, vote Tuesday?"))
              .id();
      acme.actions().publish(gotv);
      acme.assignments().assign(gotv, Target.texter("ana"));
      Texter ana = acme.texter("ana");
      assertThat(ana.requestBatch(gotv)).isEqualTo(3);

      for (int i = 3; i < 5; i++) {
        acme.contacts().add(list, NewContact.builder("+1312555" + (2000 + i)).build());
      }
      clock.advance(Duration.ofSeconds(61));

      assertThat(ana.requestBatch(gotv)).as("the two added after publishing").isEqualTo(2);
    }
  }
}
