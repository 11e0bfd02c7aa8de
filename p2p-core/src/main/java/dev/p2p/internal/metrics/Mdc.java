package dev.p2p.internal.metrics;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Internal: puts the organization, action and conversation ids of a piece of work in SLF4J's MDC
 * ({@code p2p.org}, {@code p2p.action}, {@code p2p.conversation}), and puts back what was there
 * when closed. Never a phone. Use in try-with-resources on one thread.
 */
public final class Mdc implements AutoCloseable {
  /** The MDC key of the organization id. */
  public static final String ORG = "p2p.org";

  /** The MDC key of the action id. */
  public static final String ACTION = "p2p.action";

  /** The MDC key of the conversation id. */
  public static final String CONVERSATION = "p2p.conversation";

  private final @Nullable String org;
  private final @Nullable String action;
  private final @Nullable String conversation;

  private Mdc() {
    this.org = MDC.get(ORG);
    this.action = MDC.get(ACTION);
    this.conversation = MDC.get(CONVERSATION);
  }

  /**
   * Puts the ids in the MDC until {@link #close()}; an id not given leaves its key as it was (an
   * enclosing scope's).
   *
   * @param orgId the organization
   * @param actionId the action, if known
   * @param conversationId the conversation, if known
   * @return the scope to close
   */
  public static Mdc of(String orgId, OptionalLong actionId, OptionalLong conversationId) {
    Mdc scope = new Mdc();
    MDC.put(ORG, orgId);
    put(ACTION, actionId);
    put(CONVERSATION, conversationId);
    return scope;
  }

  private static void put(String key, OptionalLong id) {
    if (id.isPresent()) {
      MDC.put(key, Long.toString(id.getAsLong()));
    }
  }

  /** Puts back the values the keys had before. */
  @Override
  public void close() {
    restore(ORG, org);
    restore(ACTION, action);
    restore(CONVERSATION, conversation);
  }

  private static void restore(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
