/** Texters (CRM users who text) and the teams and user lists that group them. */
@NullMarked
package dev.p2p.texter;

import org.jspecify.annotations.NullMarked;
