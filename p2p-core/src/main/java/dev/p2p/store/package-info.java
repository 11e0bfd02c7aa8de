/**
 * The storage SPI, {@link dev.p2p.store.Store} (with its message part, {@link
 * dev.p2p.store.MessageStore}), and the in-memory store. A store keeps atomicity; the core keeps
 * the rules that need no data.
 */
@NullMarked
package dev.p2p.store;

import org.jspecify.annotations.NullMarked;
