package dev.p2p.internal.action;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.contact.ContactList;
import dev.p2p.conversation.Message;
import dev.p2p.field.CustomField;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import dev.p2p.script.Template;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything publishing checks, collected at once: the name, the contact list, every body (syntax
 * and variables), every tag and field named, every value against its field's type, the report.
 * Pure: the facts it needs from the store arrive in {@link Facts}, which {@link Actions} reads.
 */
final class PublishCheck {
  static final int MAX_NAME = 255;

  /**
   * What the check needs to know of the organization.
   *
   * @param tags the names of its tags
   * @param fields its custom fields by name
   * @param list the action's contact list, if it exists
   * @param listFields the custom-field names present in that list
   * @param gateways the ids of the gateways registered with {@code P2P}
   * @param defaultSender the sender of an action that names none, when there is one
   */
  record Facts(
      Set<String> tags,
      Map<String, CustomField> fields,
      Optional<ContactList> list,
      Set<String> listFields,
      Set<String> gateways,
      Optional<SenderSettings> defaultSender) {}

  private final ActionSpec spec;
  private final Facts facts;
  private final Set<String> variables = new HashSet<>(Template.BUILT_IN_VARIABLES);
  private final List<Violation> problems = new ArrayList<>();

  private PublishCheck(ActionSpec spec, Facts facts) {
    this.spec = spec;
    this.facts = facts;
    variables.addAll(facts.fields().keySet());
    variables.addAll(facts.listFields());
  }

  /** Every problem that stops the spec from being published, in the order of the spec's parts. */
  static List<Violation> problems(ActionSpec spec, Facts facts) {
    PublishCheck check = new PublishCheck(spec, facts);
    check.run();
    return List.copyOf(check.problems);
  }

  /** Checks a name, which even a draft must have. */
  static List<Violation> nameProblems(String name) {
    if (name.isBlank()) {
      return List.of(new Violation("name", "must not be blank"));
    }
    if (name.length() > MAX_NAME) {
      return List.of(new Violation("name", "must be at most " + MAX_NAME + " characters"));
    }
    return List.of();
  }

  private void run() {
    problems.addAll(nameProblems(spec.name()));
    checkContacts();
    checkSender();
    ScriptTree script = spec.script();
    List<InitialMessage> initials = script.initials();
    if (initials.isEmpty()) {
      problems.add(new Violation("script.initial", "needs at least one initial message"));
    } else if (initials.size() > ScriptTree.MAX_INITIALS) {
      problems.add(ScriptShape.tooManyInitials(initials.size()));
    } else {
      for (int i = 0; i < initials.size(); i++) {
        checkBody("script.initial[" + i + "].body", initials.get(i).body());
      }
    }
    checkReplies(script);
    spec.tags().forEach(t -> checkTag("tags", t));
    spec.fields().forEach(f -> checkFieldName("fields", f));
    checkReport();
  }

  private void checkContacts() {
    if (spec.contactListId().isEmpty()) {
      problems.add(new Violation("contacts", "must name a contact list"));
    } else if (facts.list().isEmpty()) {
      problems.add(
          new Violation(
              "contacts", "list " + spec.contactListId().getAsLong() + " does not exist"));
    } else if (facts.list().get().size() == 0) {
      problems.add(
          new Violation("contacts", "list " + facts.list().get().id() + " has no contacts"));
    }
  }

  private void checkSender() {
    problems.addAll(SenderCheck.problems(spec.sender(), facts.gateways(), facts.defaultSender()));
  }

  /** One level of replies being checked: where it is, its replies, the next to check. */
  private static final class Level {
    final String prefix;
    final List<ReplyScript> replies;
    final int depth;
    final Set<String> labels = new HashSet<>();
    int next;

    Level(String prefix, List<ReplyScript> replies, int depth) {
      this.prefix = prefix;
      this.replies = replies;
      this.depth = depth;
    }
  }

  /**
   * Checks every reply, each before its follow-ups as written, down to {@link
   * ScriptTree#MAX_REPLY_DEPTH} levels: a tree nested deeper is named once where it goes too deep,
   * and a tree of too many replies once as a whole. Walks without recursion.
   */
  private void checkReplies(ScriptTree script) {
    List<Violation> size = ScriptShape.sizeProblems(script);
    if (!size.isEmpty()) {
      problems.addAll(size); // checking each reply of a tree this large would bury the point
      return;
    }
    Deque<Level> levels = new ArrayDeque<>();
    levels.push(new Level("script.replies", script.replies(), 1));
    while (!levels.isEmpty()) {
      Level level = levels.peek();
      if (level.next == level.replies.size()) {
        levels.pop();
        continue;
      }
      int i = level.next++;
      ReplyScript reply = level.replies.get(i);
      String at = level.prefix + "[" + ScriptShape.shown(reply.label(), i) + "]";
      checkReply(at, reply, level.labels);
      if (reply.followUps().isEmpty()) {
        continue;
      }
      if (level.depth < ScriptTree.MAX_REPLY_DEPTH) {
        levels.push(new Level(at + ".followUps", reply.followUps(), level.depth + 1));
      } else {
        problems.add(
            new Violation(
                at + ".followUps",
                ScriptShape.tooDeep(level.depth + ScriptShape.depth(reply.followUps()))));
      }
    }
  }

  private void checkReply(String at, ReplyScript reply, Set<String> labels) {
    String label = reply.label();
    if (label.isBlank()) {
      problems.add(new Violation(at + ".label", "must not be blank"));
    } else if (label.length() > ReplyScript.MAX_LABEL_LENGTH) {
      problems.add(
          new Violation(
              at + ".label", "must be at most " + ReplyScript.MAX_LABEL_LENGTH + " characters"));
    } else if (label.contains(ScriptTree.PATH_SEPARATOR)) {
      problems.add(new Violation(at + ".label", "must not contain '/'"));
    } else if (!labels.add(label)) {
      problems.add(new Violation(at + ".label", "is used by another reply at the same level"));
    }
    checkBody(at + ".body", reply.body());
    reply.tags().forEach(t -> checkTag(at + ".tags", t));
    reply.fields().forEach((name, value) -> checkFieldValue(at + ".fields." + name, name, value));
  }

  private void checkBody(String path, String body) {
    if (body.isBlank()) {
      problems.add(new Violation(path, "must not be empty"));
      return;
    }
    if (body.length() > Message.MAX_BODY_LENGTH) {
      problems.add(
          new Violation(
              path, "must be at most " + Message.MAX_BODY_LENGTH + " characters, as every body"));
      return;
    }
    Template template;
    try {
      template = Template.parse(body);
    } catch (ValidationException e) {
      e.violations().forEach(v -> problems.add(new Violation(path, v.reason())));
      return;
    }
    for (String name : template.variables()) {
      if (!variables.contains(name)) {
        problems.add(
            new Violation(
                path,
                "uses unknown variable {"
                    + name
                    + "}: not a built-in name, a custom field of the organization"
                    + " or a column of the contact list"
                    + hint(name, variables, "{", "}")));
      }
    }
  }

  private void checkTag(String path, String tag) {
    if (!facts.tags().contains(tag)) {
      problems.add(
          new Violation(
              path,
              "uses unknown tag '"
                  + tag
                  + "': "
                  + orDefine(tag, facts.tags())
                  + " it first with tags().define(Tag.named(\""
                  + tag
                  + "\"))"));
    }
  }

  private void checkFieldName(String path, String name) {
    if (!facts.fields().containsKey(name)) {
      problems.add(new Violation(path, unknownField(name)));
    }
  }

  private void checkFieldValue(String path, String name, String value) {
    CustomField field = facts.fields().get(name);
    if (field == null) {
      problems.add(new Violation(path, unknownField(name)));
    } else {
      field.check(path, value).ifPresent(problems::add);
    }
  }

  private String unknownField(String name) {
    return "uses unknown custom field '"
        + name
        + "': "
        + orDefine(name, facts.fields().keySet())
        + " it first with customFields().define(CustomField.text(\""
        + name
        + "\", label)), or another type";
  }

  /** {@code "; did you mean {x}?"} naming the closest known name, or nothing when none is close. */
  private static String hint(String given, Set<String> known, String open, String close) {
    return Spelling.closest(given, new TreeSet<>(known))
        .map(name -> "; did you mean " + open + name + close + "?")
        .orElse("");
  }

  /**
   * {@code "did you mean 'x'? If not, define"} when a known name is close, else {@code "define"}.
   */
  private static String orDefine(String given, Set<String> known) {
    return Spelling.closest(given, new TreeSet<>(known))
        .map(name -> "did you mean '" + name + "'? If not, define")
        .orElse("define");
  }

  private void checkReport() {
    List<Question> report = spec.report();
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    for (int i = 0; i < report.size(); i++) {
      Question question = report.get(i);
      String at = "report[" + i + "]";
      // An id left to default is the prompt, whose problems are named below once, as the prompt's.
      boolean ownId = !question.id().equals(question.prompt());
      if (ownId && question.id().isBlank()) {
        problems.add(new Violation(at + ".id", "must not be blank"));
      } else if (ownId && question.id().length() > Question.MAX_PROMPT_LENGTH) {
        problems.add(
            new Violation(
                at + ".id", "must be at most " + Question.MAX_PROMPT_LENGTH + " characters"));
      } else if (!question.id().isBlank()) {
        Integer earlier = ids.putIfAbsent(question.id(), i);
        if (earlier != null) {
          problems.add(
              new Violation(
                  at + ".id",
                  "'" + question.id() + "' is also report[" + earlier + "]'s id: ids are unique"));
        }
      }
      if (question.prompt().isBlank()) {
        problems.add(new Violation(at + ".prompt", "must not be blank"));
      } else if (question.prompt().length() > Question.MAX_PROMPT_LENGTH) {
        problems.add(
            new Violation(
                at + ".prompt", "must be at most " + Question.MAX_PROMPT_LENGTH + " characters"));
      }
      if (question instanceof Question.TagQuestion q) {
        if (q.tags().isEmpty()) {
          problems.add(new Violation(at + ".tags", "must offer at least one tag"));
        }
        q.tags().forEach(t -> checkTag(at + ".tags", t));
      } else if (question instanceof Question.FieldQuestion q) {
        checkFieldName(at + ".field", q.field());
      }
    }
  }
}
