package dev.p2p.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrganizationEventsTest {
  private final P2P p2p = P2P.builder().store(InMemoryStore.create()).build();
  private final Organization acme = p2p.organization("acme");
  private final Organization globex = p2p.organization("globex");

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName(
      "an organization's feed holds its own events only, at the positions P2P.events() gives")
  void readsOwnFeed() {
    acme.optOuts().add("+13125550101");
    globex.optOuts().add("+13125550102");
    acme.optOuts().add("+13125550103");

    List<Event> events = acme.events().read(0, 10);

    assertThat(events).extracting(Event::organization).containsOnly("acme");
    assertThat(events).isEqualTo(p2p.events().read("acme", 0, 10));
    assertThat(events).extracting(Event::position).containsExactly(1L, 2L);
    assertThat(acme.events().read(1, 10)).extracting(Event::position).containsExactly(2L);
    assertThat(acme.events().lastPosition()).isEqualTo(2);
    assertThat(globex.events().lastPosition()).isEqualTo(1);
    assertThat(acme.events().organizationId()).isEqualTo("acme");
  }

  @Test
  @DisplayName("pruning through an organization's feed leaves other organizations' feeds alone")
  void prunesOwnFeed() {
    acme.optOuts().add("+13125550101");
    acme.optOuts().add("+13125550103");
    globex.optOuts().add("+13125550102");

    assertThat(acme.events().prune(1)).isEqualTo(1);
    assertThat(acme.events().firstPosition()).isEqualTo(2);
    assertThat(globex.events().firstPosition()).isEqualTo(1);
    assertThat(acme.events().pruneOlderThan(Duration.ZERO)).isEqualTo(1);
    assertThat(globex.events().read(0, 10)).hasSize(1);
  }

  @Test
  @DisplayName("a subscriber to an organization's feed hears that organization's events only")
  void subscribesToOwnEvents() {
    List<Event> heard = new ArrayList<>();
    try (Subscription s = acme.events().subscribe(heard::add)) {
      globex.optOuts().add("+13125550102");
      acme.optOuts().add("+13125550101");
    }
    acme.optOuts().add("+13125550103");

    assertThat(heard)
        .singleElement()
        .satisfies(e -> assertThat(e.organization()).isEqualTo("acme"));
  }

  @Test
  @DisplayName("the organization's feed checks its arguments as P2P.events() does")
  void checksArguments() {
    assertThatThrownBy(() -> acme.events().read(-1, 10))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("afterPosition"));
    assertThatThrownBy(() -> acme.events().read(0, 0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("limit"));
    assertThatThrownBy(() -> p2p.events().organization(" bad"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("orgId"));
  }
}
