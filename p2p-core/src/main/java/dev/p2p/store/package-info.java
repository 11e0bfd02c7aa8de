/**
 * The storage SPI and the in-memory store. A store keeps atomicity; the core keeps the rules that
 * need no data. The SPI comes in parts that an integrator implements one by one: {@link
 * dev.p2p.store.Store} itself (organizations, texters and groups, contact lists and imports, the
 * lifecycle) reaches the others through accessors, {@link dev.p2p.store.Store#actions()} for tags,
 * custom fields and actions ({@link dev.p2p.store.ActionStore}) and {@link
 * dev.p2p.store.Store#messages()} for messages and sender numbers ({@link
 * dev.p2p.store.MessageStore}), {@link dev.p2p.store.Store#conversations()} for texting ({@link
 * dev.p2p.store.ConversationStore}), {@link dev.p2p.store.Store#reports()} for an action's figures
 * and export pages ({@link dev.p2p.store.ReportStore}, summed with {@link
 * dev.p2p.store.ReportTally}) and {@link dev.p2p.store.Store#events()} for the event feed ({@link
 * dev.p2p.store.EventStore}), which every writing part appends to in its own transaction. Every
 * part's operations are atomic and share the store's transactions, lock and lifecycle.
 */
@NullMarked
package dev.p2p.store;

import org.jspecify.annotations.NullMarked;
