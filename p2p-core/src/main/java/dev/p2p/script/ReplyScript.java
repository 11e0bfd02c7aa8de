package dev.p2p.script;

import dev.p2p.ValidationException;
import dev.p2p.internal.Inputs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canned reply a texter can send in a conversation, with what it records, and the follow-up
 * replies that make sense after it (a tree). A reply is identified by its path: the labels from the
 * top of the tree down, joined by {@value ScriptTree#PATH_SEPARATOR} ({@code Yes/Where}), so labels
 * are unique among siblings and contain no {@code /} (checked at publish). Renaming a reply changes
 * its path.
 *
 * @param label the short name texters pick it by, such as {@code Yes}
 * @param body the template text sent
 * @param tags the tags applied when it is sent, in order
 * @param fields the custom-field values set when it is sent, by field name
 * @param followUps the replies offered after this one
 */
public record ReplyScript(
    String label,
    String body,
    List<String> tags,
    Map<String, String> fields,
    List<ReplyScript> followUps) {

  /** The longest label a published reply has: {@value} characters. */
  public static final int MAX_LABEL_LENGTH = 64;

  /**
   * Checks presence and copies the collections; everything else is checked at publish.
   *
   * @throws ValidationException naming {@code tags} or {@code fields} if they hold a null (a null
   *     field name or value, a null tag), or {@code followUps} if it holds a null reply
   */
  public ReplyScript {
    label = Inputs.text(Objects.requireNonNull(label, "label"));
    body = Inputs.text(Objects.requireNonNull(body, "body"));
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(followUps, "followUps");
    if (tags.stream().anyMatch(Objects::isNull)) {
      throw ValidationException.of("tags", "holds a null tag name: name every tag");
    }
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (name == null || value == null) {
            throw ValidationException.of(
                "fields",
                name == null
                    ? "holds a value under a null name: name every field the reply sets"
                    : "sets field '"
                        + Inputs.text(name)
                        + "' to null: give a value, or leave it out");
          }
          values.put(Inputs.text(name), Inputs.text(value));
        });
    if (followUps.stream().anyMatch(Objects::isNull)) {
      throw ValidationException.of("followUps", "holds a null reply");
    }
    tags = List.copyOf(tags);
    fields = Collections.unmodifiableMap(values);
    followUps = List.copyOf(followUps);
  }

  /** A reply with its effects and no follow-ups. */
  public static ReplyScript of(String label, String body, ReplyEffect... effects) {
    List<String> tags = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    for (ReplyEffect effect : effects) {
      if (effect instanceof ReplyEffect.ApplyTag t) {
        tags.add(t.tag());
      } else if (effect instanceof ReplyEffect.SetField f) {
        fields.put(f.field(), f.value());
      }
    }
    return new ReplyScript(label, body, tags, fields, List.of());
  }

  /** Equal label, body, tags, field values and follow-ups, compared without recursion. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReplyScript other)) {
      return false;
    }
    Deque<ReplyScript> left = new ArrayDeque<>(List.of(this));
    Deque<ReplyScript> right = new ArrayDeque<>(List.of(other));
    while (!left.isEmpty()) {
      ReplyScript a = left.pop();
      ReplyScript b = right.pop();
      if (a == b) {
        continue;
      }
      if (!a.label.equals(b.label)
          || !a.body.equals(b.body)
          || !a.tags.equals(b.tags)
          || !a.fields.equals(b.fields)
          || a.followUps.size() != b.followUps.size()) {
        return false;
      }
      a.followUps.forEach(left::push);
      b.followUps.forEach(right::push);
    }
    return true;
  }

  /** A hash of the whole tree, consistent with {@link #equals}, computed without recursion. */
  @Override
  public int hashCode() {
    int hash = 1;
    Deque<ReplyScript> todo = new ArrayDeque<>(List.of(this));
    while (!todo.isEmpty()) {
      ReplyScript r = todo.pop();
      hash = 31 * hash + Objects.hash(r.label, r.body, r.tags, r.fields, r.followUps.size());
      r.followUps.forEach(todo::push);
    }
    return hash;
  }

  /**
   * The label, tags, field names and the number of follow-ups: not the body, nor the follow-ups
   * themselves, so that a tree of any depth prints in one line.
   */
  @Override
  public String toString() {
    return "ReplyScript[label="
        + label
        + ", tags="
        + tags
        + ", fields="
        + fields.keySet()
        + ", followUps="
        + followUps.size()
        + "]";
  }

  /** This reply with another body, keeping its label, effects and follow-ups. */
  public ReplyScript withBody(String body) {
    return new ReplyScript(label, body, tags, fields, followUps);
  }

  /** This reply with the follow-ups added after its existing ones. */
  public ReplyScript withFollowUps(ReplyScript... more) {
    List<ReplyScript> all = new ArrayList<>(followUps);
    all.addAll(List.of(more));
    return new ReplyScript(label, body, tags, fields, all);
  }
}
