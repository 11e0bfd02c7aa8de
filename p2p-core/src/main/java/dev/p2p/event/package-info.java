/**
 * The durable event feed: every change a CRM cares about (messages sent, delivered, failed and
 * received; opt-outs; tags, fields and reports; assignment) is written by the store as an {@link
 * dev.p2p.event.Event} in the same transaction as the change, with a position that increases by one
 * per event within the organization. A CRM reads the feed with a cursor through {@link
 * dev.p2p.event.Events#read} and may also subscribe in-process with {@link
 * dev.p2p.event.Events#subscribe}. {@link dev.p2p.store.support.EventJson} gives each event its
 * stable JSON form, documented in {@code docs/events.md}. The feed keeps every event until the host
 * prunes it ({@link dev.p2p.event.Events#prune}, {@link dev.p2p.event.Events#pruneOlderThan}); a
 * read from before the first position still held throws {@link
 * dev.p2p.event.EventsPrunedException}.
 */
@NullMarked
package dev.p2p.event;

import org.jspecify.annotations.NullMarked;
