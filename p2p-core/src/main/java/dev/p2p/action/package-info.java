/**
 * Actions (P2P campaigns): an {@link dev.p2p.action.ActionDraft} names the contact list, the
 * scripts, the tags and fields it sets, the report texters file, texting hours, sender and
 * assignment settings; {@link dev.p2p.action.Actions} creates it as a draft, checks it at publish
 * (listing every problem at once) and moves it through {@code DRAFT → PUBLISHED ⇄ PAUSED → CLOSED}.
 * It also previews a body for a contact and estimates what the initial messages will cost.
 */
@NullMarked
package dev.p2p.action;

import org.jspecify.annotations.NullMarked;
