/**
 * Internal: the implementation of the {@code dev.p2p.optout} services and their helpers. Not an
 * API: obtain the services from {@code P2P} and {@code Organization}; may change in any release.
 */
@NullMarked
package dev.p2p.internal.optout;

import org.jspecify.annotations.NullMarked;
