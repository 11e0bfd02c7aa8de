/** The p2p facade. */
@NullMarked
package dev.p2p;

import org.jspecify.annotations.NullMarked;
