package dev.p2p.gateway;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the number a contact is texted from, so that a contact keeps one number (sticky) and new
 * contacts spread evenly over a pool:
 *
 * <ul>
 *   <li>A contact already bound to a number of the pool for this gateway keeps it, across actions.
 *   <li>Otherwise (a new contact, or the pool no longer holds its number) the contact is bound to
 *       the pool's number with the fewest contacts, the earlier in the pool on a tie.
 * </ul>
 *
 * <p>The store records the binding atomically: two threads or app nodes choosing for one contact at
 * once get the same number. Inbound replies find their organization through these bindings.
 *
 * <p>A messaging-service sender needs no choice here (the carrier picks the number); when its
 * receipt names the number used, {@code MessageStore.markSent} records that binding, so replies
 * route too.
 *
 * <p>This chooses the number for a conversation's first message. Keeping it for the rest of the
 * conversation, even after the pool changes, is the conversation's job: it stores the number its
 * first message went out from and sends every later message from it.
 *
 * <p>Internal to p2p's texting code, which builds one per {@code P2P}; thread-safe.
 */
public final class SenderNumbers {
  private static final Logger log = LoggerFactory.getLogger(SenderNumbers.class);

  private final Store store;
  private final Clock clock;

  /** Internal: built by p2p's texting code. */
  public SenderNumbers(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The number to text the contact from, recorded as the contact's binding for the gateway.
   *
   * @param gatewayId the id the gateway is registered under
   * @param contactPhone the contact's phone, E.164
   * @param pool the action's sender numbers (E.164 or short codes), in order, without duplicates
   * @throws ValidationException listing every problem with the arguments (nothing written)
   * @throws dev.p2p.NotFoundException if the organization does not exist
   */
  public String senderFor(String orgId, String gatewayId, String contactPhone, List<String> pool) {
    Objects.requireNonNull(orgId, "orgId");
    List<Violation> problems = new ArrayList<>();
    if (gatewayId == null || gatewayId.isBlank()) {
      problems.add(new Violation("gatewayId", "must not be blank"));
    }
    if (!Phones.isE164(contactPhone)) {
      problems.add(new Violation("contactPhone", "must be an E.164 number such as +15551234567"));
    }
    problems.addAll(poolProblems(pool));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    String number =
        store.messages().bindSender(orgId, gatewayId, contactPhone, pool, clock.instant());
    log.debug(
        "Contact {} of organization {} texts from {} on gateway '{}'",
        Phones.mask(contactPhone),
        orgId,
        Phones.mask(number),
        gatewayId);
    return number;
  }

  private static List<Violation> poolProblems(List<String> pool) {
    if (pool == null || pool.isEmpty()) {
      return List.of(new Violation("pool", "must hold at least one number"));
    }
    List<Violation> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < pool.size(); i++) {
      String number = pool.get(i);
      if (number == null || !Sender.Number.FORM.matcher(number).matches()) {
        problems.add(
            new Violation("pool[" + i + "]", "must be an E.164 number or a 5 or 6 digit code"));
      } else if (!seen.add(number)) {
        problems.add(new Violation("pool[" + i + "]", "repeats an earlier number"));
      }
    }
    return problems;
  }
}
