package dev.p2p.action;

import dev.p2p.ValidationException;
import dev.p2p.internal.Inputs;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyEffect;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes an action, to create it or to edit one. A draft may be incomplete: problems are reported
 * when the action is published. Not thread-safe; {@code Actions} takes a snapshot.
 *
 * <pre>{@code
 * org.actions().create(ActionDraft.named("GOTV Day")
 *     .contacts(listId)
 *     .initial("Hi {firstName|there}, it's {texterFirstName}. Will you vote Tuesday?")
 *     .reply("Yes", "Amazing!", tag("supporter"))
 *     .question(Question.tags("Will they vote?", "supporter", "not-voting")));
 * }</pre>
 */
public final class ActionDraft {
  private String name;
  private OptionalLong contactListId = OptionalLong.empty();
  private final List<InitialMessage> initials = new ArrayList<>();
  private final List<ReplyScript> replies = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();
  private final List<Question> report = new ArrayList<>();
  private TextingHours textingHours = TextingHours.DEFAULT;
  private Optional<SenderSettings> sender = Optional.empty();
  private AssignmentSettings assignment = AssignmentSettings.DEFAULT;
  private boolean smartEncoding;

  private ActionDraft(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A new, empty draft with this name. */
  public static ActionDraft named(String name) {
    return new ActionDraft(name);
  }

  /** A draft holding everything of an existing spec, to edit. */
  public static ActionDraft of(ActionSpec spec) {
    ActionDraft d = new ActionDraft(spec.name());
    d.contactListId = spec.contactListId();
    d.script(spec.script());
    d.tags.addAll(spec.tags());
    d.fields.addAll(spec.fields());
    d.report.addAll(spec.report());
    d.textingHours = spec.textingHours();
    d.sender = spec.sender();
    d.assignment = spec.assignment();
    d.smartEncoding = spec.smartEncoding();
    return d;
  }

  /** Renames the action. */
  public ActionDraft name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** The contact list to text. */
  public ActionDraft contacts(long listId) {
    this.contactListId = OptionalLong.of(listId);
    return this;
  }

  /** Adds an initial-message variant of weight 1. */
  public ActionDraft initial(String body) {
    initials.add(InitialMessage.of(body));
    return this;
  }

  /** Adds an initial-message variant chosen in proportion to its weight. */
  public ActionDraft initial(String body, int weight) {
    initials.add(new InitialMessage(body, weight));
    return this;
  }

  /** Adds a top-level reply script. */
  public ActionDraft reply(String label, String body, ReplyEffect... effects) {
    replies.add(ReplyScript.of(label, body, effects));
    return this;
  }

  /** Adds a top-level reply script, with its follow-ups. */
  public ActionDraft reply(ReplyScript reply) {
    replies.add(Objects.requireNonNull(reply, "reply"));
    return this;
  }

  /**
   * Changes one reply script in place, keeping its position: {@code edit} receives the reply at
   * this path and returns what replaces it. The way to change a live action's reply:
   *
   * <pre>{@code
   * org.actions().update(id, d -> d.editReply("Yes/Where", r -> r.withBody("Polls open at 7am.")));
   * }</pre>
   *
   * @param path the labels from the top of the tree down, joined by {@value
   *     ScriptTree#PATH_SEPARATOR}, such as {@code Yes} or {@code Yes/Where}
   * @throws ValidationException naming {@code script.replies} if no reply has that path, with the
   *     labels found where the path went astray
   */
  public ActionDraft editReply(String path, UnaryOperator<ReplyScript> edit) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(edit, "edit");
    List<ReplyScript> edited =
        replaced(replies, path.split(ScriptTree.PATH_SEPARATOR, -1), edit, path);
    replies.clear();
    replies.addAll(edited);
    return this;
  }

  /** The top-level replies with the one at the path edited; walks down, then rebuilds up. */
  private static List<ReplyScript> replaced(
      List<ReplyScript> top, String[] labels, UnaryOperator<ReplyScript> edit, String path) {
    List<List<ReplyScript>> levels = new ArrayList<>();
    int[] positions = new int[labels.length];
    List<ReplyScript> level = top;
    for (int depth = 0; depth < labels.length; depth++) {
      positions[depth] = position(level, labels[depth], path);
      levels.add(level);
      level = level.get(positions[depth]).followUps();
    }
    int last = labels.length - 1;
    ReplyScript changed =
        Objects.requireNonNull(
            edit.apply(levels.get(last).get(positions[last])), "the edited reply");
    for (int depth = last; depth > 0; depth--) {
      List<ReplyScript> copy = new ArrayList<>(levels.get(depth));
      copy.set(positions[depth], changed);
      ReplyScript parent = levels.get(depth - 1).get(positions[depth - 1]);
      changed =
          new ReplyScript(parent.label(), parent.body(), parent.tags(), parent.fields(), copy);
    }
    List<ReplyScript> copy = new ArrayList<>(top);
    copy.set(positions[0], changed);
    return copy;
  }

  private static int position(List<ReplyScript> level, String label, String path) {
    for (int i = 0; i < level.size(); i++) {
      if (level.get(i).label().equals(label)) {
        return i;
      }
    }
    String found =
        level.isEmpty()
            ? "there are no replies there"
            : "the labels there are "
                + level.stream().limit(20).map(ReplyScript::label).collect(Collectors.joining(", "))
                + (level.size() > 20 ? ", ..." : "");
    throw ValidationException.of(
        "script.replies",
        "has no reply at '"
            + Inputs.cut(path, 200)
            + "' (no '"
            + Inputs.cut(label, 64)
            + "': "
            + found
            + ")");
  }

  /** Replaces the whole script tree: initial messages and replies. */
  public ActionDraft script(ScriptTree script) {
    initials.clear();
    initials.addAll(script.initials());
    replies.clear();
    replies.addAll(script.replies());
    return this;
  }

  /** Lets texters apply these tags by hand (the scripts' and report's tags need not be listed). */
  public ActionDraft tags(String... names) {
    tags.addAll(List.of(names));
    return this;
  }

  /** Lets texters set these custom fields by hand. */
  public ActionDraft fields(String... names) {
    fields.addAll(List.of(names));
    return this;
  }

  /** Adds a question to the report texters file per conversation. */
  public ActionDraft question(Question question) {
    report.add(Objects.requireNonNull(question, "question"));
    return this;
  }

  /** Replaces the report's questions. */
  public ActionDraft report(List<Question> questions) {
    report.clear();
    report.addAll(questions);
    return this;
  }

  /** Sets the texting window, keeping the default time zone. */
  public ActionDraft textingHours(LocalTime start, LocalTime end) {
    this.textingHours = new TextingHours(start, end, textingHours.defaultZone());
    return this;
  }

  /** Sets the texting window and the default time zone. */
  public ActionDraft textingHours(TextingHours hours) {
    this.textingHours = Objects.requireNonNull(hours, "hours");
    return this;
  }

  /**
   * Sets the gateway and numbers to send from. Needed only when no gateway or several are
   * registered: with exactly one, publishing sets that gateway's own messaging service or numbers.
   */
  public ActionDraft sender(SenderSettings sender) {
    this.sender = Optional.of(Objects.requireNonNull(sender, "sender"));
    return this;
  }

  /** Sets how contacts will be handed to texters. */
  public ActionDraft assignment(AssignmentSettings assignment) {
    this.assignment = Objects.requireNonNull(assignment, "assignment");
    return this;
  }

  /** Turns smart encoding on or off (off by default). */
  public ActionDraft smartEncoding(boolean on) {
    this.smartEncoding = on;
    return this;
  }

  /** The draft as it stands, as an immutable spec. */
  public ActionSpec spec() {
    return new ActionSpec(
        name,
        contactListId,
        new ScriptTree(initials, replies),
        tags,
        fields,
        report,
        textingHours,
        sender,
        assignment,
        smartEncoding);
  }
}
