/**
 * Benchmarks: {@link dev.p2p.benchmarks.ImportBenchmark}, an end-to-end CSV import through the
 * public API into H2 and PostgreSQL next to raw JDBC baselines, and JMH microbenchmarks. Run by
 * hand, never by the tests; see {@code BENCHMARKS.md}.
 */
@NullMarked
package dev.p2p.benchmarks;

import org.jspecify.annotations.NullMarked;
