package dev.p2p.examples.webapp;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.assign.Target;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Texter;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a volunteer does, one call per click. Every call acts through p2p's {@link Texter} for the
 * signed-in texter: p2p refuses (403) a conversation assigned to anyone else, so an id changed in
 * the URL opens nothing.
 */
@RestController
@RequestMapping("/api/texter")
public class TexterApi {
  private final Organization org;

  /**
   * The texter API of the example's organization.
   *
   * @param org the organization
   */
  public TexterApi(Organization org) {
    this.org = org;
  }

  /** The published actions assigned to the texter, with the texter's counts in each. */
  record MyAction(long id, String name, Views.Counts counts) {}

  /** A free-text reply, or a reply script's path. */
  record Reply(@Nullable String script, @Nullable String text) {}

  /** Tags to add and to take off. */
  record TagChange(List<String> add, List<String> remove) {}

  /** A custom field's new value. */
  record FieldValue(String name, String value) {}

  /** A filed report: answers by question id. */
  record Report(Map<String, List<String>> answers) {}

  /**
   * The live actions the texter is among the targets of.
   *
   * @param session the browser's session
   * @return the actions and the texter's counts in each
   */
  @GetMapping("/actions")
  public List<MyAction> actions(HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    return org.actions().page(100).items().stream()
        .filter(a -> a.status() == ActionStatus.PUBLISHED && targets(a, texter.id()))
        .map(a -> new MyAction(a.id(), a.name(), Views.Counts.of(texter.inbox().counts(a.id()))))
        .toList();
  }

  private boolean targets(Action action, String texterId) {
    for (Target t : org.assignments().targets(action.id())) {
      boolean member =
          switch (t.kind()) {
            case TEXTER -> t.id().equals(texterId);
            case TEAM -> org.teams().members(t.id()).contains(texterId);
            case USER_LIST -> org.userLists().members(t.id()).contains(texterId);
          };
      if (member) {
        return true;
      }
    }
    return false;
  }

  /**
   * Asks for the action's next batch of contacts.
   *
   * @param id the action
   * @param session the browser's session
   * @return how many were assigned now
   */
  @PostMapping("/actions/{id}/batch")
  public Map<String, Integer> requestBatch(@PathVariable long id, HttpSession session) {
    return Map.of("assigned", SignedIn.texter(session, org).requestBatch(id));
  }

  /**
   * The next first message to send, rendered, with its segment count; 204 when none is left now.
   *
   * @param id the action
   * @param session the browser's session
   * @return the message, or no content
   */
  @GetMapping("/actions/{id}/next")
  public ResponseEntity<Views.Next> next(@PathVariable long id, HttpSession session) {
    return SignedIn.texter(session, org)
        .nextToSend(id)
        .map(Views.Next::of)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /**
   * Sends a conversation's first message, as {@code next} showed it.
   *
   * @param id the conversation
   * @param session the browser's session
   * @return the message sent
   */
  @PostMapping("/conversations/{id}/send")
  public Views.Line send(@PathVariable long id, HttpSession session) {
    return Views.Line.of(SignedIn.texter(session, org).send(id));
  }

  /**
   * The inbox: one tab's conversations, with the counts of both tabs.
   *
   * @param filter {@code NEEDS_ATTENTION}, {@code UNREAD} or {@code ALL}
   * @param actionId only this action's, if given
   * @param session the browser's session
   * @return counts and conversations
   */
  @GetMapping("/inbox")
  public Map<String, Object> inbox(
      @RequestParam(defaultValue = "NEEDS_ATTENTION") InboxFilter filter,
      @RequestParam(required = false) @Nullable Long actionId,
      HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    OptionalLong action = actionId == null ? OptionalLong.empty() : OptionalLong.of(actionId);
    List<Views.Item> items =
        texter.inbox().page(filter, action, "", 100).items().stream()
            .map(c -> Views.Item.of(c, contactName(c)))
            .toList();
    InboxCounts counts =
        actionId == null ? texter.inbox().counts() : texter.inbox().counts(actionId);
    return Map.of("counts", Views.Counts.of(counts), "conversations", items);
  }

  /**
   * Opens a conversation (marking it read): the thread, the scripts, tags, fields and report.
   *
   * @param id the conversation
   * @param session the browser's session
   * @return the thread
   */
  @GetMapping("/conversations/{id}")
  public Views.Thread open(@PathVariable long id, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    Conversation c = texter.conversation(id); // 403 unless it is the texter's
    if (c.unread()) {
      c = texter.markRead(id);
    }
    return thread(texter, c);
  }

  /**
   * Answers with a reply script (its tags and fields applied) or free text.
   *
   * @param id the conversation
   * @param reply the script's path or the text
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/reply")
  public Views.Thread reply(@PathVariable long id, @RequestBody Reply reply, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    String script = reply.script();
    if (script != null) {
      texter.reply(id, script);
    } else {
      texter.replyText(id, Optional.ofNullable(reply.text()).orElse(""));
    }
    return thread(texter, texter.conversation(id));
  }

  /**
   * Adds and takes off tags.
   *
   * @param id the conversation
   * @param change the tags
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/tags")
  public Views.Thread tags(
      @PathVariable long id, @RequestBody TagChange change, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    Conversation c = texter.conversation(id);
    if (!change.add().isEmpty()) {
      c = texter.tag(id, change.add().toArray(String[]::new));
    }
    if (!change.remove().isEmpty()) {
      c = texter.untag(id, change.remove().toArray(String[]::new));
    }
    return thread(texter, c);
  }

  /**
   * Sets a custom field.
   *
   * @param id the conversation
   * @param field the field and value
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/fields")
  public Views.Thread field(
      @PathVariable long id, @RequestBody FieldValue field, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    return thread(texter, texter.setField(id, field.name(), field.value()));
  }

  /**
   * Files the conversation's report.
   *
   * @param id the conversation
   * @param report the answers by question id
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/report")
  public Views.Thread report(
      @PathVariable long id, @RequestBody Report report, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    return thread(texter, texter.fileReport(id, report.answers()));
  }

  /**
   * Opts the contact out of the organization (no confirmation text).
   *
   * @param id the conversation
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/opt-out")
  public Views.Thread optOut(@PathVariable long id, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    return thread(texter, texter.optOut(id, Optional.empty()));
  }

  /**
   * Closes the conversation.
   *
   * @param id the conversation
   * @param session the browser's session
   * @return the thread after it
   */
  @PostMapping("/conversations/{id}/close")
  public Views.Thread close(@PathVariable long id, HttpSession session) {
    Texter texter = SignedIn.texter(session, org);
    return thread(texter, texter.close(id));
  }

  private Views.Thread thread(Texter texter, Conversation c) {
    Action action =
        org.actions()
            .find(c.actionId())
            .orElseThrow(() -> new NotFoundException("action", c.actionId()));
    return new Views.Thread(
        Views.Item.of(c, contactName(c)),
        c.tags(),
        c.fields(),
        c.report().map(r -> r.answers()).orElse(null),
        texter.messages(c.id()).stream().map(Views.Line::of).toList(),
        Views.scripts(action.script().replies()),
        action.spec().report().stream().map(Views.Ask::of).toList(),
        org.tags().list().stream().map(t -> t.name()).toList());
  }

  private String contactName(Conversation c) {
    return org.contacts().find(c.contactId()).map(Views::name).orElse("(contact removed)");
  }
}
