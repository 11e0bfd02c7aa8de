package dev.p2p.internal.action;

import dev.p2p.Violation;
import dev.p2p.action.SenderSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The publish check of an action's sender: a sender it names must use a registered gateway; one
 * without a sender needs the one registered gateway to name its own (the default sender).
 */
final class SenderCheck {
  private SenderCheck() {}

  /**
   * @param sender the action's sender, if it names one
   * @param gateways the ids of the registered gateways
   * @param defaultSender the sender of an action that names none, when there is one
   */
  static List<Violation> problems(
      Optional<SenderSettings> sender,
      Set<String> gateways,
      Optional<SenderSettings> defaultSender) {
    if (sender.isEmpty()) {
      return defaultSender.isPresent()
          ? List.of()
          : List.of(new Violation("sender", "is not set and " + noDefault(gateways)));
    }
    if (gateways.contains(sender.get().gateway())) {
      return List.of();
    }
    String registered =
        gateways.isEmpty()
            ? "no gateway is registered"
            : "registered: " + String.join(", ", new TreeSet<>(gateways));
    return List.of(
        new Violation(
            "sender.gateway",
            "'"
                + sender.get().gateway()
                + "' is not a gateway registered with P2P.builder().gateway(..) ("
                + registered
                + ")"));
  }

  private static String noDefault(Set<String> gateways) {
    if (gateways.isEmpty()) {
      return "no gateway is registered: register one with P2P.builder().gateway(..)";
    }
    if (gateways.size() > 1) {
      return "several gateways are registered ("
          + String.join(", ", new TreeSet<>(gateways))
          + "): choose one with ActionDraft.sender(..)";
    }
    return "gateway '"
        + gateways.iterator().next()
        + "' names no number or messaging service of its own: set one with"
        + " ActionDraft.sender(..)";
  }
}
