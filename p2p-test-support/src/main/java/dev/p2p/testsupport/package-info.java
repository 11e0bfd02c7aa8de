/**
 * Helpers that only p2p's own build uses, kept out of the published testkit: {@code DocSnippets}
 * keeps the code a README shows identical to code a test runs, and {@code CarrierSpecs} finds the
 * carriers' API specs that the adapter tests check their requests against.
 */
@NullMarked
package dev.p2p.testsupport;

import org.jspecify.annotations.NullMarked;
