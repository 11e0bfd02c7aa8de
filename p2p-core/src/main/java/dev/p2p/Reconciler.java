package dev.p2p;

import dev.p2p.contact.Phones;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.internal.OrgContext;
import dev.p2p.store.MessageStore;
import dev.p2p.store.support.LogSafe;
import dev.p2p.store.support.ReconcileRule;
import dev.p2p.store.support.ReconcileRule.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles an organization's sends of unknown fate by asking each one's gateway for the carrier's
 * list ({@link SmsGateway#findSent}); {@link ReconcileRule} decides what the list means, the store
 * writes it with the send path's own operations. Nothing is ever sent. Thread-safe; blocks on the
 * lookups, one send at a time.
 */
final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int PAGE = 200;

  private final OrgContext ctx;
  private final MessageStore messages;

  Reconciler(OrgContext ctx) {
    this.ctx = ctx;
    this.messages = ctx.store().messages();
  }

  ReconcileReport run() {
    Instant changedBy = ctx.clock().instant().minus(ReconcileRule.SETTLE_AFTER);
    int sent = 0;
    int failed = 0;
    int unanswered = 0;
    List<Long> left = new ArrayList<>();
    long after = 0;
    List<Message> page;
    do {
      page = messages.awaitingReceipt(ctx.orgId(), changedBy, after, PAGE);
      for (Message m : page) {
        after = m.id();
        Optional<Verdict> verdict = verdict(m);
        if (verdict.isEmpty()) {
          unanswered++;
        } else if (verdict.get() instanceof Verdict.Sent s) {
          if (confirm(m, s.match())) {
            sent++;
          } else {
            left.add(m.id());
          }
        } else if (verdict.get() instanceof Verdict.NeverReceived) {
          if (messages
              .markFailed(
                  ctx.orgId(),
                  m.id(),
                  FailureKind.RETRYABLE,
                  Optional.empty(),
                  true,
                  ctx.clock().instant())
              .isPresent()) {
            failed++;
          }
        } else if (verdict.get() instanceof Verdict.ForAPerson p) {
          log.info("Message {} to {} left for a person: {}", m.id(), mask(m), p.why());
          left.add(m.id());
        }
      }
    } while (page.size() == PAGE);
    ReconcileReport report = new ReconcileReport(sent, failed, left, unanswered);
    log.info(
        "Reconciled {} sends of unknown fate in {}: {} sent, {} failed, {} left for a person, {}"
            + " unanswered",
        report.checked(),
        ctx.orgId(),
        sent,
        failed,
        left.size(),
        unanswered);
    return report;
  }

  /** The verdict for a send, or empty when its carrier could not answer now. */
  private Optional<Verdict> verdict(Message m) {
    Optional<SmsGateway> gateway = ctx.texting().gateway(m.gatewayId());
    if (gateway.isEmpty()) {
      return Optional.of(new Verdict.ForAPerson("its gateway is not registered"));
    }
    try {
      Optional<List<CarrierMessage>> found = gateway.get().findSent(ReconcileRule.lookup(m)).join();
      return Optional.of(ReconcileRule.verdict(m, found));
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.warn(
          "Message {} to {}: the carrier's message list could not be read ({}); looked up again"
              + " next time",
          m.id(),
          mask(m),
          LogSafe.text(cause.getMessage()));
      return Optional.empty();
    }
  }

  /** Stores the match as the send's receipt, then its final status if it has one. */
  private boolean confirm(Message m, CarrierMessage match) {
    Instant now = ctx.clock().instant();
    SendReceipt receipt =
        new SendReceipt(
            match.carrierMessageId(),
            ReconcileRule.receiptStatus(match),
            OptionalInt.empty(),
            number(match.from()));
    Optional<Message> stored = messages.markSent(ctx.orgId(), m.id(), receipt, now);
    if (stored.isEmpty()) {
      log.info(
          "Message {} to {} left for a person: the carrier's message {} could not be stored as its"
              + " receipt",
          m.id(),
          mask(m),
          match.carrierMessageId());
      return false;
    }
    if (match.status().isFinal()) {
      messages.applyStatus(
          m.gatewayId(),
          new StatusUpdate(
              match.carrierMessageId(),
              match.status(),
              m.reference(),
              Optional.empty(),
              match.carrierCode(),
              Optional.of(match.at())),
          now);
    }
    return true;
  }

  private static Optional<String> number(String from) {
    try {
      Sender.number(from);
      return Optional.of(from);
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  private static String mask(Message m) {
    return Phones.mask(m.contactPhone());
  }
}
