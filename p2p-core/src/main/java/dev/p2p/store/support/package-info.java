/**
 * What store authors use: the rulebook. Each domain decision is a pure function here, over the
 * <em>facts</em> a store reads under its lock in the operation's one transaction; the store applies
 * the verdict and never words an error or decides an event itself. That keeps every store giving
 * the same answer to the same input, and lets a new store write queries, not rules:
 *
 * <ul>
 *   <li>{@link dev.p2p.store.support.SendRule}: whether a message may be recorded, and what it
 *       moves;
 *   <li>{@link dev.p2p.store.support.EditRule}: what closing or reopening a conversation does;
 *   <li>{@link dev.p2p.store.support.EffectRule}: which tags, fields and report an update writes,
 *       and the events they make;
 *   <li>{@link dev.p2p.store.support.InboundRule}: what an inbound message changes on its
 *       conversation, and the events it makes;
 *   <li>{@link dev.p2p.store.support.StatusRule}: how a message's status moves, and the events;
 *   <li>{@link dev.p2p.store.support.ReconcileRule}: what the carrier's message list means for a
 *       send of unknown fate;
 *   <li>{@link dev.p2p.store.support.OptOutRule}: the event of an opt-out;
 *   <li>{@link dev.p2p.store.support.AssignmentRule}: the events of conversations changing hands;
 *   <li>{@link dev.p2p.store.support.WaitingRule}: which conversations wait for their first
 *       message, and which are blocked (phone opted out or invalid);
 *   <li>{@link dev.p2p.store.support.FieldRule}: whether a custom field may be redefined;
 *   <li>{@link dev.p2p.store.support.ImportRule}: when an unfinished import is abandoned;
 *   <li>{@link dev.p2p.store.support.Refusals}: the one wording of every refusal;
 *   <li>{@link dev.p2p.store.support.IdOrder}: the one order of texter and group ids.
 * </ul>
 */
@NullMarked
package dev.p2p.store.support;

import org.jspecify.annotations.NullMarked;
