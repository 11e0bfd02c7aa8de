package dev.p2p.texter;

import java.util.Objects;

/**
 * A CRM user who texts.
 *
 * @param id the CRM's id for the user, unique within the organization
 * @param firstName the first name, shown to contacts through {@code {texterFirstName}}
 * @param lastName the last name, empty when unknown
 */
public record TexterProfile(String id, String firstName, String lastName) {
  /** Checks presence. */
  public TexterProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
  }
}
