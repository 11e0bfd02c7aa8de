package dev.p2p.examples.webapp;

import dev.p2p.action.Action;
import dev.p2p.action.Question;
import dev.p2p.contact.Contact;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.NextMessage;
import dev.p2p.script.ReplyScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the pages read: p2p's values cut down to what a screen shows. A texter sees a contact's name
 * and a masked phone, never the whole number.
 */
final class Views {
  private Views() {}

  /** An action in a list. */
  record ActionItem(long id, String name, String status) {
    static ActionItem of(Action a) {
      return new ActionItem(a.id(), a.name(), a.status().name());
    }
  }

  /** The next first message, as it will be sent. */
  record Next(long conversationId, String contact, String body, int segments, String encoding) {
    static Next of(NextMessage n) {
      return new Next(
          n.conversationId(),
          name(n.contact()),
          n.body(),
          n.segments().count(),
          n.segments().encoding().name());
    }
  }

  /** An inbox's counts. */
  record Counts(long needsAttention, long unread, long toSend) {
    static Counts of(InboxCounts c) {
      return new Counts(c.needsAttention(), c.unread(), c.toSend());
    }
  }

  /** A conversation in the inbox. */
  record Item(
      long id,
      long actionId,
      String contact,
      String phone,
      String status,
      boolean unread,
      boolean needsAttention) {
    static Item of(Conversation c, String contact) {
      return new Item(
          c.id(),
          c.actionId(),
          contact,
          Phones.mask(c.contactPhone()),
          c.status().name(),
          c.unread(),
          c.needsAttention());
    }
  }

  /** One message of a thread. */
  record Line(long id, String direction, String body, String status, String at) {
    static Line of(Message m) {
      return new Line(
          m.id(), m.direction().name(), m.body(), m.status().name(), m.createdAt().toString());
    }
  }

  /** A reply script as a button: its path and what it applies. */
  record Script(String path, String body, List<String> tags, Map<String, String> fields) {}

  /** A report question and the answers it offers. */
  record Ask(String id, String prompt, List<String> options, boolean multiple) {
    static Ask of(Question q) {
      if (q instanceof Question.TagQuestion t) {
        return new Ask(t.id(), t.prompt(), t.tags(), t.multiple());
      }
      return new Ask(q.id(), q.prompt(), List.of(), false);
    }
  }

  /** A conversation opened: the thread and everything the texter can do with it. */
  record Thread(
      Item conversation,
      Set<String> tags,
      Map<String, String> fields,
      @Nullable Map<String, List<String>> report,
      List<Line> messages,
      List<Script> scripts,
      List<Ask> questions,
      List<String> allTags) {}

  static String name(Contact contact) {
    String name = (contact.details().firstName() + " " + contact.details().lastName()).trim();
    return name.isEmpty() ? Phones.mask(contact.phone()) : name;
  }

  static List<Script> scripts(List<ReplyScript> replies) {
    List<Script> out = new ArrayList<>();
    addScripts("", replies, out);
    return out;
  }

  private static void addScripts(String prefix, List<ReplyScript> replies, List<Script> out) {
    for (ReplyScript r : replies) {
      String path = prefix + r.label();
      out.add(new Script(path, r.body(), r.tags(), r.fields()));
      addScripts(path + "/", r.followUps(), out);
    }
  }
}
