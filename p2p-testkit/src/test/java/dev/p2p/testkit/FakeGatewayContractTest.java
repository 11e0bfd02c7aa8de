package dev.p2p.testkit;

/** Runs the published worked example, {@link FakeGatewayContract}, in p2p's own build. */
class FakeGatewayContractTest extends FakeGatewayContract {}
