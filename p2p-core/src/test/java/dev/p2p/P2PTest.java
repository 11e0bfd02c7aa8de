package dev.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.contact.NewContact;
import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
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
      acme.contacts().add(listId, NewContact.builder("312-555-0101").build());
      assertThat(globex.contacts().lists()).isEmpty();
      assertThat(globex.contacts().list(listId)).isEmpty();
      assertThat(globex.contacts().findByPhone("312-555-0101")).isEmpty();
    }
  }

  @Test
  @DisplayName("asking for an organization again writes nothing more to the store")
  void organizationsAreEnsuredOnce() {
    AtomicInteger ensures = new AtomicInteger();
    InMemoryStore memory = InMemoryStore.create();
    Store counting =
        (Store)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("ensureOrganization")) {
                    ensures.incrementAndGet();
                  }
                  try {
                    return method.invoke(memory, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (P2P p2p = P2P.builder().store(counting).build()) {
      p2p.organization("acme");
      p2p.organization("acme");
      p2p.organization("globex");
      assertThat(ensures).hasValue(2);
    }
  }

  @Test
  @DisplayName("timestamps are kept to the microsecond on every store, whatever the clock gives")
  void timestampsAreMicroseconds() {
    java.time.Instant nanos = java.time.Instant.parse("2026-11-03T15:00:00.123456789Z");
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(java.time.Clock.fixed(nanos, java.time.ZoneOffset.UTC))
            .build()) {
      assertThat(p2p.organization("acme").contacts().createList("Voters").createdAt())
          .isEqualTo(java.time.Instant.parse("2026-11-03T15:00:00.123456Z"));
    }
  }
}
