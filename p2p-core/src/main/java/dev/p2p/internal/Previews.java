package dev.p2p.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.p2p.conversation.NextMessage;
import java.time.Duration;
import java.util.Optional;

/**
 * Internal: the first messages {@code nextToSend} rendered for each texter, kept briefly so that
 * the send that follows uses the conversation, contact and text the texter saw without reading them
 * again. Only p2p puts values here, keyed by organization, texter and conversation; the store
 * checks every rule again under the conversation's lock when it records the send. Thread-safe.
 */
public final class Previews {
  private final Cache<String, NextMessage> previews =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(15)).build();

  /** Keeps the texter's preview of a conversation's first message. */
  public void put(String orgId, String texterId, NextMessage next) {
    previews.put(key(orgId, texterId, next.conversation().id()), next);
  }

  /** Takes (and forgets) the texter's preview of the conversation, if one is kept. */
  public Optional<NextMessage> take(String orgId, String texterId, long conversationId) {
    return Optional.ofNullable(previews.asMap().remove(key(orgId, texterId, conversationId)));
  }

  private static String key(String orgId, String texterId, long conversationId) {
    return orgId + '\u0000' + texterId + '\u0000' + conversationId;
  }
}
