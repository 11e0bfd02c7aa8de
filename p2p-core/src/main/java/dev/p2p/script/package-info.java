/**
 * Scripts: message bodies written as templates. {@link dev.p2p.script.Template} parses a body such
 * as {@code Hi {firstName|there}, it's {texterFirstName}} once, reporting every syntax problem at
 * once, and renders it for a contact and a texter through {@link dev.p2p.script.TemplateValues}. An
 * action's {@link dev.p2p.script.ScriptTree} holds its initial-message variants (chosen evenly or
 * by weight) and its tree of {@link dev.p2p.script.ReplyScript}s, each with the tags it applies and
 * the custom-field values it sets.
 */
@NullMarked
package dev.p2p.script;

import org.jspecify.annotations.NullMarked;
