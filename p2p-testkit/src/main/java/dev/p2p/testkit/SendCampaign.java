package dev.p2p.testkit;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A campaign driven through the public API, for reliability tests of a gateway under faults: one
 * texter, one action of {@code contacts} contacts texted from one number, sent in rounds of
 * concurrent {@link Texter#sendAsync} calls. Phones are {@code +1312555} and four digits from 1000.
 *
 * <pre>{@code
 * SendCampaign campaign = SendCampaign.start(p2p, "acme", "twilio", "+13125550199", 300);
 * List<Message> round = campaign.sendRound(50);
 * }</pre>
 */
public final class SendCampaign {
  /** The text every contact is sent. */
  public static final String BODY = "Hi, it's Ana with Acme. Will you vote on Tuesday?";

  private final Organization org;
  private final Texter texter;
  private final long actionId;
  private final List<Long> conversations = new ArrayList<>();

  private SendCampaign(Organization org, Texter texter, long actionId) {
    this.org = org;
    this.texter = texter;
    this.actionId = actionId;
  }

  /** Sets up the organization's action and hands every contact to the texter {@code ana}. */
  public static SendCampaign start(
      P2P p2p, String orgId, String gatewayId, String senderNumber, int contacts) {
    Organization org = p2p.organization(orgId);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("Campaign").id();
    for (int i = 0; i < contacts; i++) {
      org.contacts().add(list, NewContact.builder(phone(i)).build());
    }
    long action =
        org.actions()
            .create(
                ActionDraft.named("Campaign")
                    .contacts(list)
                    .initial(BODY)
                    .assignment(
                        AssignmentSettings.dynamic().withBatchSize(AssignmentSettings.MAX_BATCH))
                    .sender(SenderSettings.numbers(gatewayId, List.of(senderNumber))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    return new SendCampaign(org, ana, action);
  }

  /** The campaign's {@code i}th contact phone. */
  public static String phone(int i) {
    return "+1312555" + (1000 + i);
  }

  /**
   * Sends the next {@code count} first messages at once and waits for every carrier answer.
   *
   * @return the messages as each send returned them, in the order they were sent
   */
  public List<Message> sendRound(int count) {
    return startRound(count).stream().map(CompletableFuture::join).toList();
  }

  /**
   * Starts sending the next {@code count} first messages at once, without waiting for the carrier:
   * each message is recorded when this returns.
   *
   * @return a stage per send, completed once the carrier answers
   */
  public List<CompletableFuture<Message>> startRound(int count) {
    List<CompletableFuture<Message>> sends = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Optional<NextMessage> next = texter.nextToSend(actionId);
      if (next.isEmpty()) {
        break;
      }
      long conversationId = next.get().conversationId();
      conversations.add(conversationId);
      sends.add(texter.sendAsync(conversationId));
    }
    return sends;
  }

  /** The conversations the campaign sent to, in order. */
  public List<Long> conversations() {
    return List.copyOf(conversations);
  }

  /** Every message the campaign sent, as stored now, by conversation. */
  public List<Message> messages() {
    return conversations.stream()
        .flatMap(id -> org.conversations().messages(id, 100).items().stream())
        .filter(m -> m.direction() == Direction.OUTBOUND)
        .toList();
  }

  /** The organization the campaign runs in. */
  public Organization organization() {
    return org;
  }
}
