/**
 * The reference web texting app: a Spring Boot server with a JSON API over the p2p facade, and the
 * plain pages in {@code static/} that call it. Read it from {@link
 * dev.p2p.examples.webapp.TexterApi} (what a volunteer does) and {@link
 * dev.p2p.examples.webapp.AdminApi} (what an admin does).
 *
 * <p>The {@code P2P} bean comes from p2p-spring-boot-starter, configured by {@code p2p.*}
 * properties; the example adds only its clock and, unless a real carrier is configured, the
 * simulated carrier ({@link dev.p2p.examples.webapp.SimulatedCarrier}). Every other class takes
 * {@code P2P} or {@code Organization} as given.
 */
@NullMarked
package dev.p2p.examples.webapp;

import org.jspecify.annotations.NullMarked;
