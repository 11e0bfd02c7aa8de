package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Change;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway contract's run through {@link P2P}: the gateway under test registered under its
 * carrier's name, one initial message sent by a texter, then the carrier's status and reply
 * webhooks handed to {@code p2p.webhooks().handle(request)}, which routes them by the URL's path.
 */
final class ContractCampaign {
  private static final String ORG = "contract";

  private final GatewayContract contract;

  ContractCampaign(GatewayContract contract) {
    this.contract = contract;
  }

  /** Sends, delivers and answers one message, checking each step landed. */
  void run() {
    SmsGateway gateway = contract.gateway();
    GatewayStubs stubs = contract.stubs();
    String id = gateway.carrier();
    CompletableFuture<Change.MessageSent> sent = new CompletableFuture<>();
    CompletableFuture<Change.MessageDelivered> delivered = new CompletableFuture<>();
    CompletableFuture<Change.MessageReceived> received = new CompletableFuture<>();
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(contract.clock())
            .gateway(id, gateway)
            .build()) {
      p2p.events()
          .subscribe(
              event -> {
                if (event.change() instanceof Change.MessageSent c) {
                  sent.complete(c);
                } else if (event.change() instanceof Change.MessageDelivered c) {
                  delivered.complete(c);
                } else if (event.change() instanceof Change.MessageReceived c) {
                  received.complete(c);
                }
              });
      Organization org = p2p.organization(ORG);
      long actionId = actionWithOneContact(org, id);
      Texter texter = org.texter("ana");
      texter.requestBatch(actionId);
      stubs.acceptNextSend(contract.carrierMessageId(40), 1);
      texter.send(texter.nextToSend(actionId).orElseThrow().conversationId());
      assertThat(await(sent).carrierMessageId())
          .as("the receipt's carrier id, stored")
          .isEqualTo(contract.carrierMessageId(40));

      WebhookRequest status = stubs.status(contract.carrierMessageId(40), MessageStatus.DELIVERED);
      assertThat(handled(p2p, id, status).status())
          .as("the status webhook's answer")
          .isBetween(200, 299);
      assertThat(await(delivered).reference()).isEqualTo(await(sent).reference());

      WebhookRequest reply =
          stubs.inbound(
              contract.carrierMessageId(41),
              GatewayContract.CONTACT,
              GatewayContract.SENDER,
              "Yes, count me in",
              List.of());
      assertThat(handled(p2p, id, reply).status())
          .as("the inbound webhook's answer")
          .isBetween(200, 299);
      Change.MessageReceived in = await(received);
      assertThat(in.conversationId()).isEqualTo(await(sent).conversationId());
      assertThat(in.body()).isEqualTo("Yes, count me in");
    }
  }

  /** The request as a CRM hands it over: routed by the URL's path, no gateway named. */
  private static WebhookResponse handled(P2P p2p, String gatewayId, WebhookRequest request) {
    assertThat(request.url().getPath().split("/"))
        .as("the stubs' webhook URL has a path segment naming the gateway, as a CRM mounts it")
        .contains(gatewayId);
    return p2p.webhooks().handle(request);
  }

  /**
   * An action of one contact, published and assigned to one texter, {@code ana}. The contact's time
   * zone puts them near noon, so that the default texting hours are open whenever the contract
   * runs.
   */
  private long actionWithOneContact(Organization org, String gatewayId) {
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("contract").id();
    org.contacts()
        .add(list, NewContact.builder(GatewayContract.CONTACT).timeZone(nearNoon()).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("Contract")
                    .contacts(list)
                    .initial("Hi, will you vote Tuesday?")
                    .sender(SenderSettings.numbers(gatewayId, List.of(GatewayContract.SENDER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    return action;
  }

  /** An IANA zone where it is between noon and one now: {@code Etc/GMT-5} is UTC+5. */
  private String nearNoon() {
    int hour = contract.clock().instant().atZone(ZoneOffset.UTC).getHour();
    int offset = 12 - hour;
    return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(contract.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no event in " + contract.sendTimeout(), e);
    }
  }
}
