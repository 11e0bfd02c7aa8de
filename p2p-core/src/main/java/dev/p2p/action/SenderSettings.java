package dev.p2p.action;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.internal.Ids;
import dev.p2p.internal.Inputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which gateway sends an action's messages, and from what: a messaging service of that gateway
 * (which picks the number), or a pool of the organization's own numbers.
 *
 * @param gateway the id of the gateway, as registered with p2p
 * @param messagingServiceId the gateway's messaging-service id, 1 to {@value
 *     #MAX_MESSAGING_SERVICE_ID_LENGTH} characters compared exactly (it is the messages' sender
 *     until the carrier names the number); empty when a pool is given
 * @param numbers the sender numbers in E.164 form, distinct; empty when a messaging service is
 *     given
 */
public record SenderSettings(
    String gateway, Optional<String> messagingServiceId, List<String> numbers) {
  /** The longest messaging-service id: {@value}, as messages keep their sender. */
  public static final int MAX_MESSAGING_SERVICE_ID_LENGTH = 64;

  /**
   * Checks every part, listing every problem.
   *
   * @throws ValidationException naming {@code sender.gateway}, {@code sender} or {@code
   *     sender.numbers[i]}
   */
  public SenderSettings {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(messagingServiceId, "messagingServiceId");
    numbers = List.copyOf(numbers);
    List<Violation> problems = new ArrayList<>();
    Ids.problem(gateway)
        .ifPresent(
            reason ->
                problems.add(
                    new Violation(
                        "sender.gateway",
                        reason + ", the id the gateway is registered under with P2P.builder()")));
    if (messagingServiceId.isPresent() == !numbers.isEmpty()) {
      problems.add(
          new Violation(
              "sender", "must give either a messaging service or sender numbers, not both"));
    }
    messagingServiceId
        .flatMap(id -> Inputs.idProblem(id, MAX_MESSAGING_SERVICE_ID_LENGTH))
        .ifPresent(reason -> problems.add(new Violation("sender.messagingServiceId", reason)));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < numbers.size(); i++) {
      String n = numbers.get(i);
      if (!Phones.isE164(n)) {
        problems.add(
            new Violation(
                "sender.numbers[" + i + "]",
                "must be in E.164 form: '+', the country code and the number, without spaces or"
                    + " punctuation, such as +14155552671"));
      } else if (!seen.add(n)) {
        problems.add(new Violation("sender.numbers[" + i + "]", "repeats " + Phones.mask(n)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Send through a messaging service of the gateway. */
  public static SenderSettings messagingService(String gateway, String messagingServiceId) {
    return new SenderSettings(gateway, Optional.of(messagingServiceId), List.of());
  }

  /** Send from a pool of numbers through the gateway; a contact keeps the number first used. */
  public static SenderSettings numbers(String gateway, List<String> numbers) {
    return new SenderSettings(gateway, Optional.empty(), numbers);
  }

  @Override
  public String toString() {
    return "SenderSettings[gateway="
        + gateway
        + ", messagingServiceId="
        + messagingServiceId
        + ", numbers="
        + numbers.stream().map(Phones::mask).collect(Collectors.joining(", ", "[", "]"))
        + "]";
  }
}
