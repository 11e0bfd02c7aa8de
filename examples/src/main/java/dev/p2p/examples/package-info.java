/**
 * Runnable examples of p2p, each compiled and run by the tests: {@link dev.p2p.examples.DemoApp},
 * the demo campaign and the admin commands of {@code p2p-demo.jar}, and the webhook server.
 *
 * <p>Read them as documentation: they use only the public API, the way a CRM embedding p2p would.
 */
@NullMarked
package dev.p2p.examples;

import org.jspecify.annotations.NullMarked;
