package dev.p2p.script;

import org.jspecify.annotations.Nullable;

/** One piece of a parsed template: literal text or a variable. */
sealed interface Part permits Part.Literal, Part.Variable {

  /** Text copied as is, braces already unescaped. */
  record Literal(String text) implements Part {}

  /**
   * A variable reference.
   *
   * @param name the variable name, trimmed
   * @param fallback the text used when the value is absent or blank, or {@code null} for none
   */
  record Variable(String name, @Nullable String fallback) implements Part {}
}
