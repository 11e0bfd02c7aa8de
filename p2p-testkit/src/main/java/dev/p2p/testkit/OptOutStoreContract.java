package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.conversation.ConversationStatus;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operations of {@link dev.p2p.store.OptOutStore}: opt-outs, which move the phone's
 * conversations, and invalid phones. Run by {@link StoreContract} on every store; how the other
 * parts skip or refuse listed phones is {@link AssignmentStoreContract}'s and {@link
 * TextingContract}'s.
 */
abstract class OptOutStoreContract extends ConversationFixtures {
  @Test
  @DisplayName("opting out twice keeps the first source and time")
  void optOutIsIdempotent() {
    assertThat(optOuts().optOut(ORG, phone(1), OptOutSource.KEYWORD, NOW)).isTrue();
    assertThat(optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW.plusSeconds(9))).isFalse();
    assertThat(optOuts().findOptOut(ORG, phone(1)))
        .contains(new OptOut(phone(1), OptOutSource.KEYWORD, NOW));
    assertThat(optOuts().findOptOut(OTHER_ORG, phone(1))).isEmpty();
  }

  @Test
  @DisplayName("opting out moves the phone's conversations in every action of the organization")
  void optOutCrossesActions() {
    long first = live(2);
    long started = started(first, "ana", NOW);
    long second = live(ORG, list(ORG, 1, 1), false);
    long pooled = claim(second, "ben", 1).get(0);
    long foreign = live(OTHER_ORG, list(OTHER_ORG, 1, 1), false);
    optOuts().optOut(ORG, phone(1), OptOutSource.TEXTER, NOW);
    assertThat(find(started).status()).isEqualTo(ConversationStatus.OPTED_OUT);
    assertThat(find(started).needsAttention()).isFalse();
    assertThat(find(pooled).status()).isEqualTo(ConversationStatus.OPTED_OUT);
    assertThat(assignments().claim(OTHER_ORG, foreign, "ana", request(1), NOW)).hasSize(1);
  }

  @Test
  void optOutsArePagedByPhone() {
    for (int n : List.of(3, 1, 2)) {
      optOuts().optOut(ORG, phone(n), OptOutSource.API, NOW);
    }
    assertThat(optOuts().optOuts(ORG, "", 2))
        .extracting(OptOut::phone)
        .containsExactly(phone(1), phone(2));
    assertThat(optOuts().optOuts(ORG, phone(2), 2))
        .extracting(OptOut::phone)
        .containsExactly(phone(3));
    assertThat(optOuts().optOuts(OTHER_ORG, "", 10)).isEmpty();
  }

  @Test
  @DisplayName("marking a phone invalid is idempotent and per organization; no claim hands it out")
  void markingInvalidIsIdempotentAndPerOrganization() {
    long ours = live(2);
    long theirs = live(OTHER_ORG, list(OTHER_ORG, 1, 1), false);
    assertThat(optOuts().markInvalid(ORG, phone(1), NOW)).isTrue();
    assertThat(optOuts().markInvalid(ORG, phone(1), NOW)).isFalse();
    assertThat(claim(ours, "ana", 10))
        .extracting(id -> find(id).contactPhone())
        .containsExactly(phone(2));
    assertThat(assignments().claim(OTHER_ORG, theirs, "ana", request(1), NOW)).hasSize(1);
  }
}
