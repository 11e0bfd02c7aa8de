package dev.p2p.texter;

import dev.p2p.internal.Inputs;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A CRM user who texts.
 *
 * @param id the CRM's id for the user, unique within the organization: 1 to {@value #MAX_ID_LENGTH}
 *     characters, compared exactly, so no space at either end, no control character and no lone
 *     surrogate ({@code Texters.upsert} checks it)
 * @param firstName the first name, shown to contacts through {@code {texterFirstName}}; at most
 *     {@value #MAX_NAME_LENGTH} characters
 * @param lastName the last name, empty when unknown; at most {@value #MAX_NAME_LENGTH} characters
 */
public record TexterProfile(
    String id,
    @Size(max = MAX_NAME_LENGTH, message = "must be at most 255 characters") String firstName,
    @Size(max = MAX_NAME_LENGTH, message = "must be at most 255 characters") String lastName) {
  /** The longest texter id: {@value} characters, as every store keeps. */
  public static final int MAX_ID_LENGTH = 255;

  /** The longest first or last name: {@value} characters. */
  public static final int MAX_NAME_LENGTH = 255;

  /** Checks presence and replaces each NUL and lone surrogate of the names by U+FFFD. */
  public TexterProfile {
    Objects.requireNonNull(id, "id");
    firstName = Inputs.text(Objects.requireNonNull(firstName, "firstName"));
    lastName = Inputs.text(Objects.requireNonNull(lastName, "lastName"));
  }
}
