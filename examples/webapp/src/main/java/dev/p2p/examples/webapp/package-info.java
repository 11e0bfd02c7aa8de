/**
 * The reference web texting app: a Spring Boot server with a JSON API over the p2p facade, and the
 * plain pages in {@code static/} that call it. Read it from {@link
 * dev.p2p.examples.webapp.TexterApi} (what a volunteer does) and {@link
 * dev.p2p.examples.webapp.AdminApi} (what an admin does).
 *
 * <p>How the {@code P2P} bean is built is {@link dev.p2p.examples.webapp.P2PConfiguration}'s
 * business alone; every other class takes {@code P2P} or {@code Organization} as given.
 */
@NullMarked
package dev.p2p.examples.webapp;

import org.jspecify.annotations.NullMarked;
