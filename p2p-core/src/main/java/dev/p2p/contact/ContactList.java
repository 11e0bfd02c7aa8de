package dev.p2p.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * A named list of contacts, deduplicated by phone.
 *
 * @param id the store's id
 * @param name the name given by the admin
 * @param size how many contacts it holds
 * @param createdAt when it was created
 */
public record ContactList(long id, String name, long size, Instant createdAt) {
  /** Checks presence. */
  public ContactList {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
