package dev.p2p.script;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What sending a reply script does to the conversation besides sending its body: apply a tag or set
 * a custom field. Written with the static factories, usually imported statically:
 *
 * <pre>{@code
 * ReplyScript.of("Yes", "Amazing!", tag("supporter"), field("willVote", "true"))
 * }</pre>
 */
public sealed interface ReplyEffect permits ReplyEffect.ApplyTag, ReplyEffect.SetField {

  /** Applies the tag with this name. */
  static ReplyEffect tag(String name) {
    return new ApplyTag(name);
  }

  /** Sets the custom field with this name to the value (checked against its type at publish). */
  static ReplyEffect field(String name, String value) {
    return new SetField(name, value);
  }

  /** Sets a date custom field to this date, written in ISO form ({@code 2026-11-03}). */
  static ReplyEffect field(String name, LocalDate value) {
    return new SetField(name, Objects.requireNonNull(value, "value").toString());
  }

  /**
   * Applies a tag.
   *
   * @param tag the tag's name
   */
  record ApplyTag(String tag) implements ReplyEffect {
    /** Checks presence. */
    public ApplyTag {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /**
   * Sets a custom field.
   *
   * @param field the field's name
   * @param value the value, as text
   */
  record SetField(String field, String value) implements ReplyEffect {
    /** Checks presence. */
    public SetField {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }
}
