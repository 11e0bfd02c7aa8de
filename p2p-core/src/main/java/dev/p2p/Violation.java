package dev.p2p;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem with an input: the field (a property path such as {@code phone} or {@code
 * fields.pollingPlace}) and the reason, in words a person can act on.
 */
public record Violation(String field, String reason) implements Serializable {
  /** Checks both parts are present. */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return field + " " + reason;
  }
}
