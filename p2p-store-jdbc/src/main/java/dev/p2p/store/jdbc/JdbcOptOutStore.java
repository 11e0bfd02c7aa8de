package dev.p2p.store.jdbc;

import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.OptOutStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link JdbcStore}'s opt-out part: opt-outs and invalid phones through {@link OptOutSql}, every
 * method one transaction of the store's {@link Tx}.
 */
final class JdbcOptOutStore implements OptOutStore {
  private final OptOutSql optOuts;

  JdbcOptOutStore(Tx tx) {
    this.optOuts = new OptOutSql(tx);
  }

  @Override
  public boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    return optOuts.optOut(orgId, phone, source, now);
  }

  @Override
  public Optional<OptOut> findOptOut(String orgId, String phone) {
    return optOuts.find(orgId, phone);
  }

  @Override
  public List<OptOut> optOuts(String orgId, String afterPhone, int limit) {
    return optOuts.page(orgId, afterPhone, limit);
  }

  @Override
  public boolean markInvalid(String orgId, String phone, Instant now) {
    return optOuts.markInvalid(orgId, phone, now);
  }
}
