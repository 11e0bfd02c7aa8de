package dev.p2p.texter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A CRM user who texts.
 *
 * @param id the CRM's id for the user, unique within the organization
 * @param firstName the first name, shown to contacts through {@code {texterFirstName}}
 * @param lastName the last name, empty when unknown
 */
public record TexterProfile(
    @NotBlank(message = "must not be blank")
        @Size(max = 255, message = "must be at most 255 characters")
        String id,
    @Size(max = 255, message = "must be at most 255 characters") String firstName,
    @Size(max = 255, message = "must be at most 255 characters") String lastName) {
  /** Checks presence. */
  public TexterProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
  }
}
