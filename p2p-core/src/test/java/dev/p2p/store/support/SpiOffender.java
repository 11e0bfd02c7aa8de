package dev.p2p.store.support;

import dev.p2p.P2P;
import dev.p2p.internal.Texting;
import dev.p2p.sms.ValueOffender;
import dev.p2p.store.memory.InMemoryStore;

/**
 * Breaks the layer rules on purpose for {@code dev.p2p.ArchitectureTest}, which reads its byte code
 * and never runs it: a class in an SPI package that uses services, the in-memory store, and a value
 * package that uses it back.
 *
 * @param p2p the facade, a service
 * @param texting an internal service
 * @param memory an implementation of the SPI
 * @param value a value that uses this class, closing a cycle between the packages
 */
public record SpiOffender(P2P p2p, Texting texting, InMemoryStore memory, ValueOffender value) {}
