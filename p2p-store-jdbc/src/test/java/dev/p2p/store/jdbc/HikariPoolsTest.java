package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HikariPoolsTest {
  @Test
  @DisplayName(
      "a URL whose driver is missing fails without repeating the URL, which may hold a password")
  void failureLeavesTheUrlOut() {
    assertThatThrownBy(() -> HikariPools.create("jdbc:mysql://root:hunter2@db.test/p2p"))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("connection pool")
        .hasMessageNotContaining("hunter2");
  }
}
