package dev.p2p.action;

import dev.p2p.sms.Segments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A body rendered for one contact and one texter, as it would be sent.
 *
 * @param text the rendered text, as written
 * @param smartEncoded the text after smart encoding, when the action has it on; this is what would
 *     be sent
 * @param segments the segments of what would be sent
 * @param cost what it would cost as SMS under the application's cost model
 * @param unknownVariables the body's variables that are neither built in, nor the organization's
 *     custom fields, nor columns of the action's list: they render as nothing here, and publishing
 *     an action with them fails
 */
public record Preview(
    String text,
    Optional<String> smartEncoded,
    Segments segments,
    BigDecimal cost,
    List<String> unknownVariables) {
  /** Checks presence and copies the variables. */
  public Preview {
    unknownVariables = List.copyOf(unknownVariables);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(smartEncoded, "smartEncoded");
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(cost, "cost");
  }

  /**
   * Leaves the rendered text out (it holds the contact's details), so the preview is safe to log.
   */
  @Override
  public String toString() {
    return "Preview[text="
        + text.length()
        + " chars, smartEncoded="
        + smartEncoded.map(t -> t.length() + " chars").orElse("no")
        + ", segments="
        + segments
        + ", cost="
        + cost
        + ", unknownVariables="
        + unknownVariables
        + "]";
  }

  /** The text that would be sent: the smart-encoded text when present, else the text. */
  public String sent() {
    return smartEncoded.orElse(text);
  }
}
