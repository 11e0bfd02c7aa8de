package dev.p2p.internal;

import dev.p2p.action.ActionStatus;

/** The words every store uses to refuse deleting a tag or field that an open action uses. */
public final class InUse {
  private InUse() {}

  /**
   * Why a tag or field cannot be deleted.
   *
   * @param kind {@code tag} or {@code custom field}
   */
  public static String reason(
      String kind, String name, long actionId, String actionName, ActionStatus status) {
    return "cannot delete "
        + kind
        + " '"
        + name
        + "': action "
        + actionId
        + " ('"
        + actionName
        + "', "
        + status
        + ") uses it; close that action or remove it from its scripts and report first";
  }
}
