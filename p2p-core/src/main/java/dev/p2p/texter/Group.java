package dev.p2p.texter;

import java.util.Objects;

/**
 * A named group of texters: a team or a user list.
 *
 * @param kind team or user list
 * @param id the CRM's id for the group, unique per kind within the organization
 * @param name the display name
 * @param size how many texters belong to it
 */
public record Group(GroupKind kind, String id, String name, int size) {
  /** Checks presence. */
  public Group {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
