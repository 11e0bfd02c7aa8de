package dev.p2p.spring.boot;

import dev.p2p.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when {@code p2p.*} properties are missing or bad: lists every problem at once,
 * each {@link Violation#field() field} a property name such as {@code p2p.twilio.account-sid}. The
 * starter's failure analyzer prints them all. Never holds a property's value.
 */
public final class InvalidP2PPropertiesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param violations every problem, each naming its property; not empty
   */
  public InvalidP2PPropertiesException(List<Violation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    this.violations = List.copyOf(violations);
  }

  /**
   * Every problem found, in the order the settings were checked.
   *
   * @return the problems, each naming its {@code p2p.*} property
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return "Invalid p2p properties: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
