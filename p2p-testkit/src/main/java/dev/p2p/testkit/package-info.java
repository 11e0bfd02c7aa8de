/**
 * What users' and adapters' test suites need: the contract tests every store ({@code
 * StoreContract}, and {@code ParityContract}: one scripted {@code ParityDay} whose {@code
 * Transcript} must equal the in-memory store's) and gateway ({@code GatewayContract}, driven
 * through an adapter's {@code GatewayStubs}, with {@code FakeGatewayContract} and {@code
 * FakeGatewayStubs} as the worked example, and {@code FaultCampaignContract} under carrier faults)
 * passes; {@code FakeGateway}, an in-memory carrier whose webhooks go through the real pipeline;
 * and generators of synthetic data.
 */
@NullMarked
package dev.p2p.testkit;

import org.jspecify.annotations.NullMarked;
