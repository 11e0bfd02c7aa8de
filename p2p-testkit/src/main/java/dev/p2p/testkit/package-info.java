/**
 * What users' and adapters' test suites need: the contract tests every store ({@code
 * StoreContract}) and gateway passes, fakes, and generators of synthetic data.
 */
@NullMarked
package dev.p2p.testkit;

import org.jspecify.annotations.NullMarked;
