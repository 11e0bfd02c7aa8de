package dev.p2p.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SenderNumbersTest {
  private static final String CONTACT = "+13125550123";

  private final InMemoryStore store = InMemoryStore.create();
  private final SenderNumbers senders =
      new SenderNumbers(store, Clock.fixed(Instant.parse("2026-11-03T14:00:00Z"), ZoneOffset.UTC));

  SenderNumbersTest() {
    store.ensureOrganization("acme", Instant.EPOCH);
  }

  @Test
  @DisplayName("a contact keeps its number, and a new one gets the least used")
  void sticksAndSpreads() {
    List<String> pool = List.of("+13125550101", "+13125550102");
    assertThat(senders.senderFor("acme", "tw", CONTACT, pool)).isEqualTo("+13125550101");
    assertThat(senders.senderFor("acme", "tw", "+13125550124", pool)).isEqualTo("+13125550102");
    assertThat(senders.senderFor("acme", "tw", CONTACT, pool)).isEqualTo("+13125550101");
  }

  @Test
  @DisplayName("bad arguments are listed at once and nothing is bound")
  void badArgumentsAreListed() {
    assertThatThrownBy(
            () ->
                senders.senderFor(
                    "acme", " ", "555", Arrays.asList("+13125550101", "12", "+13125550101")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("gatewayId", "contactPhone", "pool[1]", "pool[2]"));
    assertThatThrownBy(() -> senders.senderFor("acme", "tw", CONTACT, List.of()))
        .isInstanceOf(ValidationException.class);
    assertThat(store.messages().findSender("acme", " ", "555")).isEmpty();
  }

  @Test
  void anUnknownOrganizationIsNotFound() {
    assertThatThrownBy(() -> senders.senderFor("nobody", "tw", CONTACT, List.of("+13125550101")))
        .isInstanceOf(NotFoundException.class);
  }
}
