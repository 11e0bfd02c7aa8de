package dev.p2p.examples.boot;

import dev.p2p.Organization;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.texter.TexterProfile;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/send?to=+13125550101}: texts one contact through the simulated carrier, the way
 * a CRM uses the injected {@code P2P} bean: a list with the contact, a published action, assigned
 * to a texter, who sends the initial message.
 */
@RestController
@ConditionalOnProperty(name = "p2p.example.fake-gateway", matchIfMissing = true)
class DemoController {
  private final P2P p2p;

  DemoController(P2P p2p) {
    this.p2p = p2p;
  }

  @PostMapping("/demo/send")
  Map<String, Object> send(@RequestParam String to) {
    Organization org = p2p.organization("demo");
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("demo").id();
    org.contacts().add(list, NewContact.builder(to).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("Demo")
                    .contacts(list)
                    .initial("Hi, this is {texterFirstName}. Will you vote on Tuesday?")
                    .sender(SenderSettings.numbers("fake", List.of(FakeGateway.DEFAULT_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    long conversation = ana.nextToSend(action).orElseThrow().conversationId();
    Message sent = ana.send(conversation);
    return Map.of(
        "conversationId", conversation,
        "status", sent.status().name(),
        "carrierMessageId", sent.carrierMessageId().orElse(""),
        "from", sent.sender());
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<String> invalid(ValidationException e) {
    return ResponseEntity.badRequest().body(e.getMessage());
  }

  @ExceptionHandler(OutsideTextingHoursException.class)
  ResponseEntity<String> closed(OutsideTextingHoursException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
  }
}
