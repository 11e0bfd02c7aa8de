package dev.p2p;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: lists every problem found at once, each naming the field and the reason. Nothing was
 * written when this is thrown. The message names the first {@value #MESSAGE_PROBLEMS} problems and
 * counts the rest; {@link #violations()} holds them all.
 */
public final class ValidationException extends P2PException {
  private static final long serialVersionUID = 1L;

  /** How many problems the message names before it only counts the rest. */
  public static final int MESSAGE_PROBLEMS = 20;

  private final List<Violation> violations;

  /** Creates the exception for a non-empty list of violations. */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    this.violations = List.copyOf(violations);
  }

  /** Shortcut for a single violation. */
  public static ValidationException of(String field, String reason) {
    return new ValidationException(List.of(new Violation(field, reason)));
  }

  /** Every violation found, in a stable order. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    String named =
        violations.stream()
            .limit(MESSAGE_PROBLEMS)
            .map(Violation::toString)
            .collect(Collectors.joining("; "));
    int rest = violations.size() - MESSAGE_PROBLEMS;
    return violations.size()
        + (violations.size() == 1 ? " problem: " : " problems: ")
        + named
        + (rest > 0 ? "; and " + rest + " more (see violations())" : "");
  }
}
