package dev.p2p.action;

import dev.p2p.ValidationException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an action's contacts will be handed to texters. Stored with the action; the assignment itself
 * comes with texting. Immutable: start from {@link #dynamic()} or {@link #fixed()} and change a
 * setting by name, each checked at once:
 *
 * <pre>{@code
 * AssignmentSettings.dynamic().withBatchSize(25).withMaxPerTexter(200).withKeepAssignments(true)
 * }</pre>
 */
public final class AssignmentSettings {
  /** The largest batch: {@value}. */
  public static final int MAX_BATCH = 1_000;

  /** The batch size unless set: {@value}. */
  public static final int DEFAULT_BATCH = 50;

  /** Dynamic batches of 50, no limit per texter, assignments not kept. */
  public static final AssignmentSettings DEFAULT =
      new AssignmentSettings(Policy.DYNAMIC, DEFAULT_BATCH, 0, false);

  /** How contacts are split among texters. */
  public enum Policy {
    /** Split among the targets when assigned. */
    FIXED,
    /** Handed out in batches as texters ask. */
    DYNAMIC
  }

  private final Policy policy;
  private final int batchSize;
  private final int maxPerTexter;
  private final boolean keepAssignments;

  private AssignmentSettings(
      Policy policy, int batchSize, int maxPerTexter, boolean keepAssignments) {
    this.policy = policy;
    this.batchSize = batchSize;
    this.maxPerTexter = maxPerTexter;
    this.keepAssignments = keepAssignments;
  }

  /** Texters request batches as they go: {@link #DEFAULT}. */
  public static AssignmentSettings dynamic() {
    return DEFAULT;
  }

  /** The list is split among the targets up front; otherwise as {@link #DEFAULT}. */
  public static AssignmentSettings fixed() {
    return DEFAULT.withPolicy(Policy.FIXED);
  }

  /**
   * {@link Policy#FIXED}: split the list among the targets up front; {@link Policy#DYNAMIC}:
   * texters request batches as they go.
   */
  public Policy policy() {
    return policy;
  }

  /** Contacts per batch, 1 to {@value #MAX_BATCH}. */
  public int batchSize() {
    return batchSize;
  }

  /** The most contacts one texter may hold, or 0 for no limit. */
  public int maxPerTexter() {
    return maxPerTexter;
  }

  /** Whether a contact goes back to the texter who had it in an earlier action. */
  public boolean keepAssignments() {
    return keepAssignments;
  }

  /** These settings with another policy. */
  public AssignmentSettings withPolicy(Policy policy) {
    Objects.requireNonNull(policy, "policy");
    return new AssignmentSettings(policy, batchSize, maxPerTexter, keepAssignments);
  }

  /**
   * These settings with another batch size.
   *
   * @param batchSize 1 to {@value #MAX_BATCH}
   * @throws ValidationException naming {@code assignment.batchSize} when out of range
   */
  public AssignmentSettings withBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw ValidationException.of(
          "assignment.batchSize", "must be between 1 and " + MAX_BATCH + ", was " + batchSize);
    }
    return new AssignmentSettings(policy, batchSize, maxPerTexter, keepAssignments);
  }

  /**
   * These settings with another limit per texter.
   *
   * @param maxPerTexter 0 for no limit, or more
   * @throws ValidationException naming {@code assignment.maxPerTexter} when negative
   */
  public AssignmentSettings withMaxPerTexter(int maxPerTexter) {
    if (maxPerTexter < 0) {
      throw ValidationException.of(
          "assignment.maxPerTexter", "must be 0 (no limit) or more, was " + maxPerTexter);
    }
    return new AssignmentSettings(policy, batchSize, maxPerTexter, keepAssignments);
  }

  /** These settings with Keep Assignments on or off. */
  public AssignmentSettings withKeepAssignments(boolean keepAssignments) {
    return new AssignmentSettings(policy, batchSize, maxPerTexter, keepAssignments);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AssignmentSettings s
        && policy == s.policy
        && batchSize == s.batchSize
        && maxPerTexter == s.maxPerTexter
        && keepAssignments == s.keepAssignments;
  }

  @Override
  public int hashCode() {
    return Objects.hash(policy, batchSize, maxPerTexter, keepAssignments);
  }

  @Override
  public String toString() {
    return "AssignmentSettings[policy="
        + policy
        + ", batchSize="
        + batchSize
        + ", maxPerTexter="
        + maxPerTexter
        + ", keepAssignments="
        + keepAssignments
        + "]";
  }
}
