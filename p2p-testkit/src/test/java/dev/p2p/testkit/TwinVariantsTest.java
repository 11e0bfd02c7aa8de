package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.report.ActionReport;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two variants of the same text and weight are two arms of the A/B figures, not one. */
class TwinVariantsTest {
  private static final String TEXT = "Hi {firstName|there}, will you vote Tuesday?";

  @Test
  @DisplayName("twin variants each get their share of the sends in the A/B figures")
  void twinsAreToldApart() {
    MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
    FakeGateway fake = FakeGateway.builder().clock(clock).build();
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build()) {
      Organization acme = p2p.organization("acme");
      acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
      long list = acme.contacts().createList("voters").id();
      for (int i = 0; i < 40; i++) {
        acme.contacts().add(list, NewContact.builder("+1312555" + (2000 + i)).build());
      }
      long gotv =
          acme.actions()
              .create(ActionDraft.named("GOTV").contacts(list).initial(TEXT).initial(TEXT))
              .id();
      acme.actions().publish(gotv);
      acme.assignments().assign(gotv, Target.texter("ana"));
      Texter ana = acme.texter("ana");
      ana.requestBatch(gotv);
      while (ana.nextToSend(gotv).isPresent()) {
        ana.send(ana.nextToSend(gotv).orElseThrow().conversationId());
      }

      ActionReport report = acme.reports().action(gotv);
      assertThat(report.totals().messaged()).isEqualTo(40);
      assertThat(report.variants()).hasSize(2);
      assertThat(report.variants())
          .allSatisfy(v -> assertThat(v.sent()).as("variant %d", v.index()).isPositive());
      assertThat(report.variants().stream().mapToLong(ActionReport.VariantStats::sent).sum())
          .isEqualTo(40);
    }
  }
}
