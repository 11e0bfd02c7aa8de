/**
 * The in-memory store: {@link dev.p2p.store.memory.InMemoryStore#create()} keeps everything in the
 * JVM under one lock, for tests, demos and estimates. Nothing survives the JVM. It answers every
 * input as the JDBC store does, which {@code ParityContract} in p2p-testkit checks.
 */
@NullMarked
package dev.p2p.store.memory;

import org.jspecify.annotations.NullMarked;
