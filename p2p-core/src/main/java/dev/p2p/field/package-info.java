/**
 * What a conversation may record, defined once per organization: {@link dev.p2p.field.Tag}s (labels
 * such as {@code supporter}) and typed {@link dev.p2p.field.CustomField}s (text, number, boolean,
 * choice, date). Actions name the tags and fields their scripts and reports set; a value is checked
 * against its field's type wherever it is set, by {@link dev.p2p.field.CustomField#check}.
 */
@NullMarked
package dev.p2p.field;

import org.jspecify.annotations.NullMarked;
