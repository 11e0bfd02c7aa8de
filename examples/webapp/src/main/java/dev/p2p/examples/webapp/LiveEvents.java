package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events from p2p's event feed: each browser hears of what it may see. A texter hears
 * of messages received and sent in their own conversations; the admin, of every change to an action
 * (to refresh its report). An event carries its type and ids only, never a phone or a message's
 * text: the page then asks the API, which checks who is asking.
 */
@RestController
public class LiveEvents {
  private static final String ADMIN = "";

  private final Map<String, CopyOnWriteArrayList<SseEmitter>> listeners = new ConcurrentHashMap<>();
  private final Subscription subscription;

  /**
   * Subscribes to the organization's event feed.
   *
   * @param org the organization
   */
  public LiveEvents(Organization org) {
    this.subscription = org.events().subscribe(this::publish);
  }

  /** What a page is told: the event's type and the ids it concerns. */
  record Notice(String type, long conversationId, long actionId) {}

  /**
   * The event stream of the signed-in texter or admin.
   *
   * @param session the browser's session
   * @return the stream
   */
  @GetMapping(path = "/api/events", produces = "text/event-stream")
  public SseEmitter stream(HttpSession session) {
    String audience = SignedIn.isAdmin(session) ? ADMIN : SignedIn.texterId(session);
    SseEmitter emitter = new SseEmitter(0L);
    var list = listeners.computeIfAbsent(audience, k -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    emitter.onCompletion(() -> list.remove(emitter));
    emitter.onTimeout(() -> list.remove(emitter));
    emitter.onError(e -> list.remove(emitter));
    try {
      emitter.send(SseEmitter.event().name("ready").data(Map.of("audience", audience)));
    } catch (IOException e) {
      emitter.completeWithError(e);
    }
    return emitter;
  }

  private void publish(Event event) {
    Change change = event.change();
    OptionalLong action = actionId(change);
    OptionalLong conversation = conversationId(change);
    Notice notice = new Notice(change.type(), conversation.orElse(0), action.orElse(0));
    if (action.isPresent()) {
      send(ADMIN, notice);
    }
    texterId(change).ifPresent(texter -> send(texter, notice));
  }

  private void send(String audience, Notice notice) {
    for (SseEmitter emitter : listeners.getOrDefault(audience, new CopyOnWriteArrayList<>())) {
      try {
        emitter.send(SseEmitter.event().name("p2p").data(notice));
      } catch (IOException | IllegalStateException e) {
        emitter.completeWithError(e);
      }
    }
  }

  private static Optional<String> texterId(Change change) {
    if (change instanceof Change.MessageReceived r) {
      return r.texterId();
    }
    if (change instanceof Change.MessageSent s) {
      return s.texterId();
    }
    if (change instanceof Change.AssignmentChanged a) {
      return a.texterId();
    }
    return Optional.empty();
  }

  private static OptionalLong actionId(Change change) {
    if (change instanceof Change.MessageReceived r) {
      return r.actionId();
    } else if (change instanceof Change.MessageSent s) {
      return s.actionId();
    } else if (change instanceof Change.MessageDelivered d) {
      return d.actionId();
    } else if (change instanceof Change.MessageFailed f) {
      return f.actionId();
    } else if (change instanceof Change.TagAdded t) {
      return OptionalLong.of(t.actionId());
    } else if (change instanceof Change.TagRemoved t) {
      return OptionalLong.of(t.actionId());
    } else if (change instanceof Change.FieldSet f) {
      return OptionalLong.of(f.actionId());
    } else if (change instanceof Change.ReportFiled f) {
      return OptionalLong.of(f.actionId());
    } else if (change instanceof Change.AssignmentChanged a) {
      return OptionalLong.of(a.actionId());
    }
    return OptionalLong.empty();
  }

  private static OptionalLong conversationId(Change change) {
    if (change instanceof Change.MessageReceived r) {
      return r.conversationId();
    } else if (change instanceof Change.MessageSent s) {
      return s.conversationId();
    }
    return OptionalLong.empty();
  }

  /**
   * Ends every stream as the application begins to close, before the web server's graceful
   * shutdown, which would otherwise wait for these never-ending requests.
   *
   * @param closing the event
   */
  @EventListener
  public void onClose(ContextClosedEvent closing) {
    listeners.values().forEach(list -> list.forEach(SseEmitter::complete));
  }

  /** Stops listening to the feed. */
  @PreDestroy
  public void stop() {
    subscription.close();
  }
}
