package dev.p2p.store.jdbc;

import dev.p2p.assign.Target;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ClaimRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link JdbcStore}'s assignment part: pools, reassigning and releasing through {@link PoolSql},
 * claims through {@link ClaimSql}, the fixed split through {@link SplitSql}, targets and join
 * tokens through {@link TargetSql}. Every method is one transaction of the store's {@link Tx}.
 */
final class JdbcAssignmentStore implements AssignmentStore {
  private final PoolSql pools;
  private final ClaimSql claims;
  private final SplitSql splits;
  private final TargetSql targets;

  JdbcAssignmentStore(Tx tx) {
    this.pools = new PoolSql(tx);
    this.claims = new ClaimSql(tx);
    this.splits = new SplitSql(tx);
    this.targets = new TargetSql(tx);
  }

  @Override
  public int openPool(String orgId, long actionId, Instant now) {
    return pools.openPool(orgId, actionId, now);
  }

  @Override
  public Set<String> windowKeys(String orgId, long actionId) {
    return pools.windowKeys(orgId, actionId);
  }

  @Override
  public List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    return claims.claim(orgId, actionId, texterId, request, now);
  }

  @Override
  public Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return splits.assignAll(orgId, actionId, texterIds, maxPerTexter, keep, now);
  }

  @Override
  public int reassign(
      String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return pools.reassign(orgId, actionId, fromTexter, toTexter, now);
  }

  @Override
  public int release(String orgId, long actionId, String texterId, Instant now) {
    return pools.release(orgId, actionId, texterId, now);
  }

  @Override
  public void addTargets(String orgId, long actionId, Collection<Target> targets) {
    this.targets.addTargets(orgId, actionId, targets);
  }

  @Override
  public boolean removeTarget(String orgId, long actionId, Target target) {
    return targets.removeTarget(orgId, actionId, target);
  }

  @Override
  public List<Target> targets(String orgId, long actionId) {
    return targets.targets(orgId, actionId);
  }

  @Override
  public void setJoinToken(String orgId, long actionId, Optional<String> tokenHash) {
    targets.setJoinToken(orgId, actionId, tokenHash);
  }

  @Override
  public OptionalLong findActionByJoinToken(String orgId, String tokenHash) {
    return targets.findActionByJoinToken(orgId, tokenHash);
  }
}
