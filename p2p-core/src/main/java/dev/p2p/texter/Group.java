package dev.p2p.texter;

import java.util.Objects;

/**
 * A named group of texters: a team or a user list.
 *
 * @param kind team or user list
 * @param id the CRM's id for the group, unique per kind within the organization: 1 to {@value
 *     #MAX_ID_LENGTH} characters, compared exactly
 * @param name the display name, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param size how many texters belong to it
 */
public record Group(GroupKind kind, String id, String name, int size) {
  /** The longest group id: {@value} characters, as every store keeps. */
  public static final int MAX_ID_LENGTH = 255;

  /** The longest group name: {@value} characters. */
  public static final int MAX_NAME_LENGTH = 255;

  /** Checks presence. */
  public Group {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
