package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which failures {@link Tx#runRetrying} runs the work again for. */
class TxRetryTest {
  private final JdbcStore store = JdbcStore.h2InMemory("retry-" + UUID.randomUUID());
  private final AtomicInteger attempts = new AtomicInteger();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName("a deadlock victim is run again and its second attempt's result returned")
  void deadlockIsRetried() {
    String result =
        store
            .transactions()
            .runRetrying(
                "test",
                c -> {
                  if (attempts.incrementAndGet() == 1) {
                    throw new SQLException("Deadlock found", "40001");
                  }
                  return "done";
                });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(2);
  }

  @Test
  @DisplayName("conflicts are tried three times in all, then reported")
  void givesUpAfterThreeAttempts() {
    assertThatThrownBy(
            () ->
                store
                    .transactions()
                    .runRetrying(
                        "claim conversations",
                        c -> {
                          attempts.incrementAndGet();
                          throw new SQLException("deadlock detected", "40P01");
                        }))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("claim conversations")
        .hasMessageContaining("40P01");
    assertThat(attempts).hasValue(Tx.ATTEMPTS);
  }

  @Test
  @DisplayName("other database errors, and plain run, are not retried")
  void otherErrorsAreNot() {
    assertThatThrownBy(
            () ->
                store
                    .transactions()
                    .runRetrying(
                        "test",
                        c -> {
                          attempts.incrementAndGet();
                          throw new SQLException("syntax", "42000");
                        }))
        .isInstanceOf(P2PException.class);
    assertThatThrownBy(
            () ->
                store
                    .transactions()
                    .run(
                        "test",
                        c -> {
                          attempts.incrementAndGet();
                          throw new SQLException("Deadlock found", "40001");
                        }))
        .isInstanceOf(P2PException.class);
    assertThat(attempts).hasValue(2);
  }
}
