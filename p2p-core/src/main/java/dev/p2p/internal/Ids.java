package dev.p2p.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for the ids a CRM chooses for organizations and gateways: 1 to 64 letters, digits,
 * {@code . _ : -}, starting with a letter or digit. One rule, one message, wherever an id is given.
 */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  private static final int SHOWN = 64;

  private Ids() {}

  /**
   * Why this is not a valid id, naming it, or empty when it is valid. The reason quotes the id (ids
   * are names, never secrets) and points at a space, the commonest slip.
   */
  public static Optional<String> problem(String id) {
    if (ID.matcher(id).matches()) {
      return Optional.empty();
    }
    String shown = id.length() <= SHOWN ? "'" + id + "'" : "of " + id.length() + " characters";
    String space = id.chars().anyMatch(Character::isWhitespace) ? " (it has a space)" : "";
    return Optional.of(
        shown
            + " is not a valid id"
            + space
            + ": use 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or"
            + " digit");
  }
}
