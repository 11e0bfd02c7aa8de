package dev.p2p;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: lists every problem found at once, each naming the field and the reason. Nothing was
 * written when this is thrown.
 */
public final class ValidationException extends P2PException {
  private static final long serialVersionUID = 1L;

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
    return violations.size()
        + (violations.size() == 1 ? " problem: " : " problems: ")
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
