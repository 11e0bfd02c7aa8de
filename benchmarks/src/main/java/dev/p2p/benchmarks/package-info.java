/**
 * Benchmarks, each path of p2p beside a raw baseline doing the same work by plain JDBC or plain
 * HTTP: {@link dev.p2p.benchmarks.AllBenchmarks} runs them all in one command and prints one table;
 * each also runs alone ({@link dev.p2p.benchmarks.ImportBenchmark}, {@link
 * dev.p2p.benchmarks.SendBenchmark}, {@link dev.p2p.benchmarks.ClaimBenchmark}, {@link
 * dev.p2p.benchmarks.WebhookBenchmark}, {@link dev.p2p.benchmarks.InboxBenchmark}, {@link
 * dev.p2p.benchmarks.ReportBenchmark}, the adapters' send benchmarks), and the JMH microbenchmarks
 * run through JMH. Run by hand, never by the tests; see {@code BENCHMARKS.md}.
 */
@NullMarked
package dev.p2p.benchmarks;

import org.jspecify.annotations.NullMarked;
