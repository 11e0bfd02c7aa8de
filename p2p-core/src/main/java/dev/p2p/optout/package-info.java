/**
 * Opt-outs: per organization, by phone. A STOP-family keyword, a texter or a carrier's
 * "unsubscribed" error opts a phone out, and no action of the organization texts it again.
 */
@NullMarked
package dev.p2p.optout;

import org.jspecify.annotations.NullMarked;
