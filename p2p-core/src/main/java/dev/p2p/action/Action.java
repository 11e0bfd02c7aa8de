package dev.p2p.action;

import dev.p2p.script.ScriptTree;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored action (a P2P campaign): its id, where it is in its lifecycle, and what the admin wrote.
 *
 * @param id the store's id, unique within the organization
 * @param status where it is in its lifecycle
 * @param version incremented by every change; a change based on an older version is refused
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param spec what the admin wrote
 */
public record Action(
    long id,
    ActionStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    ActionSpec spec) {

  /** Checks presence. */
  public Action {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(spec, "spec");
  }

  /** The action's name. */
  public String name() {
    return spec.name();
  }

  /** The action's scripts. */
  public ScriptTree script() {
    return spec.script();
  }
}
