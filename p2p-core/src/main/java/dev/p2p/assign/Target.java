package dev.p2p.assign;

import dev.p2p.ValidationException;
import dev.p2p.internal.Inputs;
import dev.p2p.texter.TexterProfile;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may text an action's contacts: one texter, every member of a team, or every member of a user
 * list. Group membership is read when a texter asks for work, so texters added to a team later take
 * part too.
 *
 * @param kind texter, team or user list
 * @param id the texter's or group's id: 1 to {@value TexterProfile#MAX_ID_LENGTH} characters,
 *     compared exactly (no space at either end, no control character or lone surrogate)
 */
public record Target(Kind kind, String id) {
  /** What a target names. */
  public enum Kind {
    /** One texter. */
    TEXTER,
    /** Every member of a team. */
    TEAM,
    /** Every member of a user list. */
    USER_LIST
  }

  /**
   * Checks the id.
   *
   * @throws ValidationException naming {@code target} if the id is not a valid id
   */
  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Optional<String> problem = Inputs.idProblem(id, TexterProfile.MAX_ID_LENGTH);
    if (problem.isPresent()) {
      throw ValidationException.of(
          "target", kind.name().toLowerCase(Locale.ROOT) + " id " + problem.get());
    }
  }

  /** One texter, by id. */
  public static Target texter(String texterId) {
    return new Target(Kind.TEXTER, texterId);
  }

  /** Every member of a team. */
  public static Target team(String teamId) {
    return new Target(Kind.TEAM, teamId);
  }

  /** Every member of a user list. */
  public static Target userList(String userListId) {
    return new Target(Kind.USER_LIST, userListId);
  }
}
