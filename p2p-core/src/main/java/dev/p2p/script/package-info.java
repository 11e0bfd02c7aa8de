/**
 * Scripts: message bodies written as templates. {@link dev.p2p.script.Template} parses a body such
 * as {@code Hi {firstName|there}, it's {texterFirstName}} once, reporting every syntax problem at
 * once, and renders it for a contact and a texter through {@link dev.p2p.script.TemplateValues}.
 */
@NullMarked
package dev.p2p.script;

import org.jspecify.annotations.NullMarked;
