package dev.p2p.internal;

import dev.p2p.action.ActionStatus;

/**
 * The words every store uses to refuse a change to a tag or field: deleting one that an open action
 * uses, or defining one whose name is taken.
 */
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

  /** Why a tag cannot be defined: one with that name exists. */
  public static String tagExists(String name) {
    return "tag '" + name + "' already exists; change it with tags().update(..)";
  }

  /** Why a custom field cannot be defined: one with that name exists. */
  public static String fieldExists(String name) {
    return "custom field '" + name + "' already exists; change it with customFields().update(..)";
  }
}
