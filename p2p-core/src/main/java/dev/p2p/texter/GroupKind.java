package dev.p2p.texter;

/** The two kinds of named group of texters. */
public enum GroupKind {
  /** A standing team, such as "volunteers". */
  TEAM,
  /** An ad-hoc list of users, such as "Tuesday phone bank". */
  USER_LIST;

  /** The kind in words, as messages name it: {@code team} or {@code user list}. */
  public String noun() {
    return this == TEAM ? "team" : "user list";
  }
}
