package dev.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.store.InMemoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class P2PTest {
  @Test
  @DisplayName("building without a store lists every problem at once")
  void buildListsEveryProblem() {
    assertThatThrownBy(() -> P2P.builder().defaultRegion("XX").build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("store", "defaultRegion"));
  }

  @Test
  void organizationIdsAreChecked() {
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).build()) {
      assertThatThrownBy(() -> p2p.organization(" bad id"))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations()).extracting(Violation::field).containsExactly("orgId"));
      assertThat(p2p.organization("acme").id()).isEqualTo("acme");
    }
  }

  @Test
  @DisplayName("two organizations of one P2P see nothing of each other")
  void organizationsAreIsolated() {
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).build()) {
      Organization acme = p2p.organization("acme");
      Organization globex = p2p.organization("globex");
      long listId = acme.contacts().createList("Voters").id();
      acme.contacts().add(listId, dev.p2p.contact.NewContact.withPhone("312-555-0101").build());
      assertThat(globex.contacts().lists()).isEmpty();
      assertThat(globex.contacts().list(listId)).isEmpty();
      assertThat(globex.contacts().findByPhone("312-555-0101")).isEmpty();
    }
  }
}
