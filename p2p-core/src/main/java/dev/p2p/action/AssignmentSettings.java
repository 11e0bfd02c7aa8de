package dev.p2p.action;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an action's contacts will be handed to texters. Stored with the action; the assignment itself
 * comes with texting.
 *
 * @param policy {@link Policy#FIXED}: split the list among the targets up front; {@link
 *     Policy#DYNAMIC}: texters request batches as they go
 * @param batchSize contacts per batch, 1 to {@value #MAX_BATCH}
 * @param maxPerTexter the most contacts one texter may hold, or 0 for no limit
 * @param keepAssignments whether a contact goes back to the texter who had it in an earlier action
 */
public record AssignmentSettings(
    Policy policy, int batchSize, int maxPerTexter, boolean keepAssignments) {
  /** The largest batch: {@value}. */
  public static final int MAX_BATCH = 1_000;

  /** Dynamic batches of 50, no limit per texter, assignments not kept. */
  public static final AssignmentSettings DEFAULT =
      new AssignmentSettings(Policy.DYNAMIC, 50, 0, false);

  /** How contacts are split among texters. */
  public enum Policy {
    /** Split among the targets when assigned. */
    FIXED,
    /** Handed out in batches as texters ask. */
    DYNAMIC
  }

  /**
   * Checks the numbers, listing every problem.
   *
   * @throws ValidationException naming {@code assignment.batchSize} or {@code
   *     assignment.maxPerTexter}
   */
  public AssignmentSettings {
    Objects.requireNonNull(policy, "policy");
    List<Violation> problems = new ArrayList<>();
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      problems.add(new Violation("assignment.batchSize", "must be between 1 and " + MAX_BATCH));
    }
    if (maxPerTexter < 0) {
      problems.add(new Violation("assignment.maxPerTexter", "must be 0 (no limit) or more"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
