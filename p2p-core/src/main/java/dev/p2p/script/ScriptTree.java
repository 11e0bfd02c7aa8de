package dev.p2p.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An action's scripts: the initial-message variants and the tree of reply scripts. Immutable. A
 * draft may hold a tree of any shape; publishing requires at most {@value #MAX_INITIALS} initial
 * messages, {@value #MAX_REPLIES} replies in all and {@value #MAX_REPLY_DEPTH} levels of replies,
 * and names each excess as a problem. Nothing walks the tree by recursion, so no shape overflows
 * the stack.
 *
 * @param initials the first-message variants; one is chosen per contact, by weight
 * @param replies the top-level reply scripts
 */
public record ScriptTree(List<InitialMessage> initials, List<ReplyScript> replies) {
  /** Separates the labels of a reply's path: {@value}. */
  public static final String PATH_SEPARATOR = "/";

  /** The most initial-message variants an action publishes with: {@value}. */
  public static final int MAX_INITIALS = 20;

  /** The most reply scripts an action publishes with, follow-ups included: {@value}. */
  public static final int MAX_REPLIES = 1_000;

  /**
   * The most levels of replies an action publishes with (top-level replies are level 1): {@value}.
   */
  public static final int MAX_REPLY_DEPTH = 10;

  /** No messages at all. */
  public static final ScriptTree EMPTY = new ScriptTree(List.of(), List.of());

  /** Copies the lists. */
  public ScriptTree {
    initials = List.copyOf(initials);
    replies = List.copyOf(replies);
  }

  /**
   * The reply at this path: labels from the top down joined by {@value #PATH_SEPARATOR}, such as
   * {@code Yes} or {@code Yes/Where}.
   */
  public Optional<ReplyScript> reply(String path) {
    Objects.requireNonNull(path, "path");
    List<ReplyScript> level = replies;
    ReplyScript found = null;
    for (String label : path.split(PATH_SEPARATOR, -1)) {
      found = level.stream().filter(r -> r.label().equals(label)).findFirst().orElse(null);
      if (found == null) {
        return Optional.empty();
      }
      level = found.followUps();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The variant a contact gets: a stable choice by the contact's phone, each variant in proportion
   * to its weight over many contacts. By the phone, not by an id a store generated, so that a
   * contact gets the same variant on every store.
   *
   * @param phone the contact's phone, E.164
   * @throws IllegalStateException if there is no initial message
   */
  public InitialMessage initialFor(String phone) {
    return initials.get(variantFor(phone));
  }

  /**
   * The index among {@link #initials()} of the variant a contact gets (see {@link #initialFor}): by
   * position, so two variants of the same text and weight are told apart in the A/B figures.
   *
   * @param phone the contact's phone, E.164
   * @throws IllegalStateException if there is no initial message
   */
  public int variantFor(String phone) {
    if (initials.isEmpty()) {
      throw new IllegalStateException("the script has no initial message");
    }
    long total = initials.stream().mapToLong(InitialMessage::weight).sum();
    long key = 0;
    for (int i = 0; i < phone.length(); i++) {
      key = key * 31 + phone.charAt(i);
    }
    long z = key * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
    long point = Math.floorMod(z ^ (z >>> 29), total);
    for (int i = 0; i < initials.size(); i++) {
      point -= initials.get(i).weight();
      if (point < 0) {
        return i;
      }
    }
    return initials.size() - 1;
  }

  /** Every tag a reply of the tree applies, in order of first use. */
  public Set<String> tagsUsed() {
    Set<String> tags = new LinkedHashSet<>();
    walk(replies, r -> tags.addAll(r.tags()));
    return tags;
  }

  /** Every custom field a reply of the tree sets, in order of first use. */
  public Set<String> fieldsUsed() {
    Set<String> fields = new LinkedHashSet<>();
    walk(replies, r -> fields.addAll(r.fields().keySet()));
    return fields;
  }

  /** Visits every reply, each before its follow-ups, in order, without recursion. */
  public void forEachReply(Consumer<ReplyScript> visit) {
    walk(replies, visit);
  }

  private static void walk(List<ReplyScript> top, Consumer<ReplyScript> visit) {
    Deque<Iterator<ReplyScript>> levels = new ArrayDeque<>();
    levels.push(top.iterator());
    while (!levels.isEmpty()) {
      Iterator<ReplyScript> level = levels.peek();
      if (!level.hasNext()) {
        levels.pop();
        continue;
      }
      ReplyScript reply = level.next();
      visit.accept(reply);
      if (!reply.followUps().isEmpty()) {
        levels.push(reply.followUps().iterator());
      }
    }
  }
}
