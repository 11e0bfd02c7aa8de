package dev.p2p.script;

import dev.p2p.internal.Inputs;
import java.util.Objects;

/**
 * One variant of an action's first message.
 *
 * @param body the template text; checked when the action is published
 * @param weight how often this variant is chosen relative to the others, 1 to {@value MAX_WEIGHT}
 *     (equal weights: chosen evenly)
 */
public record InitialMessage(String body, int weight) {
  /** The largest weight: {@value}. */
  public static final int MAX_WEIGHT = 1_000;

  /** Checks presence and the weight's range. */
  public InitialMessage {
    body = Inputs.text(Objects.requireNonNull(body, "body"));
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw dev.p2p.ValidationException.of("weight", "must be between 1 and " + MAX_WEIGHT);
    }
  }

  /** A variant of weight 1. */
  public static InitialMessage of(String body) {
    return new InitialMessage(body, 1);
  }
}
