package dev.p2p.internal;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Conversation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The lookups a CRM needs, checked and paged once for the services that offer them: a conversation
 * by phone within an action, a phone's conversations across the organization, and a texter's
 * claimed-but-unsent conversations. Internal: reached through {@code Conversations} and {@code
 * Texter}.
 *
 * <p>A cursor is opaque to callers: the listing's letter, the last id of the page, and a short tag
 * of the listing's organization and key (the phone, or the texter and action), so that a cursor of
 * another listing, phone, texter or organization is refused rather than read as a position. The tag
 * is three bytes of a SHA-256: enough to catch a mix-up, too short to tell a phone back.
 */
public final class Lookups {
  private static final char BY_PHONE = 'p';
  private static final char UNSENT = 'u';

  private final OrgContext ctx;

  /** Lookups in the context's organization. */
  public Lookups(OrgContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The action's conversation with this phone.
   *
   * @throws ValidationException naming {@code phone} if it is null or not a phone number
   */
  public Optional<Conversation> findByPhone(long actionId, @Nullable String phone) {
    return ctx.store().conversations().findConversationByPhone(ctx.orgId(), actionId, phone(phone));
  }

  /**
   * A page of the phone's conversations in every action, newest first.
   *
   * @throws ValidationException naming {@code phone}, {@code limit} or {@code cursor}, the first
   *     found in that order
   */
  public Page<Conversation> ofPhone(
      @Nullable String phone, @Nullable String cursor, int limit, int maxPage) {
    String e164 = phone(phone);
    checkLimit(limit, maxPage);
    long before = position(BY_PHONE, e164, cursor, Long.MAX_VALUE);
    List<Conversation> items =
        ctx.store().conversations().conversationsByPhone(ctx.orgId(), e164, before, limit + 1);
    return page(BY_PHONE, e164, items, limit);
  }

  /**
   * A page of the texter's claimed-but-unsent conversations, lowest id first.
   *
   * @throws ValidationException naming {@code actionId}, {@code limit} or {@code cursor}, the first
   *     found in that order
   */
  public Page<Conversation> unsent(
      String texterId,
      @Nullable OptionalLong actionId,
      @Nullable String cursor,
      int limit,
      int maxPage) {
    if (actionId == null) {
      throw ValidationException.of(
          "actionId", "must not be null: pass OptionalLong.empty() for every action");
    }
    checkLimit(limit, maxPage);
    String key = texterId + '\0' + (actionId.isPresent() ? actionId.getAsLong() : "*");
    long after = position(UNSENT, key, cursor, 0);
    List<Conversation> items =
        ctx.store().conversations().unsent(ctx.orgId(), texterId, actionId, after, limit + 1);
    return page(UNSENT, key, items, limit);
  }

  private Page<Conversation> page(char kind, String key, List<Conversation> items, int limit) {
    if (items.size() <= limit) {
      return new Page<>(items, Optional.empty());
    }
    List<Conversation> page = items.subList(0, limit);
    return new Page<>(page, Optional.of(cursor(kind, key, page.get(limit - 1).id())));
  }

  private String phone(@Nullable String phone) {
    if (phone == null) {
      throw ValidationException.of("phone", "must not be null");
    }
    return Phones.toE164(phone, ctx.defaultRegion(), "phone");
  }

  /** The id a cursor of this listing stands at, or {@code first} for {@code ""}. */
  private long position(char kind, String key, @Nullable String cursor, long first) {
    if (cursor == null) {
      throw ValidationException.of("cursor", "must not be null: pass \"\" for the first page");
    }
    if (cursor.isEmpty()) {
      return first;
    }
    int dot = cursor.indexOf('.');
    if (cursor.length() <= 64 && cursor.charAt(0) == kind && dot > 1) {
      try {
        long id = Long.parseLong(cursor.substring(1, dot));
        if (id > 0 && cursor.equals(cursor(kind, key, id))) {
          return id;
        }
      } catch (NumberFormatException e) {
        // falls through to the refusal below
      }
    }
    throw ValidationException.of(
        "cursor", "is not a cursor this listing returned: pass \"\" or the previous Page.next()");
  }

  private static void checkLimit(int limit, int maxPage) {
    if (limit < 1 || limit > maxPage) {
      throw ValidationException.of("limit", "must be between 1 and " + maxPage);
    }
  }

  private String cursor(char kind, String key, long id) {
    return kind + Long.toString(id) + "." + tag(kind + "\0" + ctx.orgId() + "\0" + key);
  }

  private static String tag(String listing) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(listing.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
