/** Internal helpers shared across p2p's packages. Not an API: may change in any release. */
@NullMarked
package dev.p2p.internal;

import org.jspecify.annotations.NullMarked;
