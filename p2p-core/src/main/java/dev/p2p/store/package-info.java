/**
 * The storage SPI (the in-memory store is in {@link dev.p2p.store.memory}). A store keeps
 * atomicity; the core keeps the rules. The SPI comes in parts that an integrator implements one by
 * one: {@link dev.p2p.store.Store} itself (organizations and their texting settings, texters and
 * groups, contact lists and imports, the lifecycle) reaches the others through accessors: {@link
 * dev.p2p.store.Store#actions()} for tags, custom fields and actions ({@link
 * dev.p2p.store.ActionStore}), {@link dev.p2p.store.Store#assignments()} for an action's pool,
 * claims, targets and join tokens ({@link dev.p2p.store.AssignmentStore}), {@link
 * dev.p2p.store.Store#conversations()} for reads, inboxes, sends, updates and inbound routing
 * ({@link dev.p2p.store.ConversationStore}), {@link dev.p2p.store.Store#messages()} for send
 * receipts, carrier statuses and sender numbers ({@link dev.p2p.store.MessageStore}), {@link
 * dev.p2p.store.Store#optOuts()} for opt-outs and invalid phones ({@link
 * dev.p2p.store.OptOutStore}), {@link dev.p2p.store.Store#reports()} for an action's figures and
 * export pages ({@link dev.p2p.store.ReportStore}, summed with {@link
 * dev.p2p.store.support.ReportTally}) and {@link dev.p2p.store.Store#events()} for the event feed
 * ({@link dev.p2p.store.EventStore}), which every writing part appends to in its own transaction.
 * Every part's operations are atomic and share the store's transactions, lock and lifecycle. Each
 * decision a write makes is a rule function of {@link dev.p2p.store.support} over facts the store
 * reads under its lock.
 *
 * <p>How to write a store of your own, from the parts to {@code StoreContract}: {@code
 * docs/writing-a-store.md} in the repository.
 */
@NullMarked
package dev.p2p.store;

import org.jspecify.annotations.NullMarked;
