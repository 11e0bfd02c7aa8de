package dev.p2p.store.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Races between transactions on H2, where a second connection can hold a lock. */
class H2RaceTest {
  @Test
  void statusParkedWhileReceiptCommitsIsApplied() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (JdbcStore store = JdbcStore.of(dataSource)) {
      VendorChecks.statusParkedWhileReceiptCommitsIsApplied(
          store,
          dataSource,
          "SELECT SESSION_ID()",
          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?");
    }
  }

  @Test
  void receiptsAndStatusesRacing() throws Exception {
    try (JdbcStore store = JdbcStore.h2InMemory("race-" + UUID.randomUUID())) {
      VendorChecks.receiptsAndStatusesRacing(store);
    }
  }
}
