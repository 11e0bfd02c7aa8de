package dev.p2p.store;

import dev.p2p.store.support.ReportTally;
import java.time.Instant;
import java.util.List;

/**
 * The store part for reporting: an action's figures computed with aggregates (a SQL store answers
 * in a few set-based statements, never by loading every conversation), and export pages read by
 * keyset so that an export of any size runs in bounded memory.
 */
public interface ReportStore {

  /**
   * The action's figures now.
   *
   * <p>Definitions: a conversation is <em>messaged</em> once its first message is recorded, and
   * that message's variant and segments are kept for {@link ReportFigures#variants()} and {@link
   * ReportFigures#initialSegments()}; <em>needing attention</em> is as {@link
   * dev.p2p.conversation.Conversation#needsAttention()} says; a texter's <em>response time</em> is,
   * for each reply they send while the contact wrote last, the time since the contact's last
   * message; a not-started conversation whose phone is opted out or marked invalid is
   * <em>blocked</em>, not waiting ({@link dev.p2p.store.support.WaitingRule}, applied by {@link
   * ReportTally} to the counts the store gives it).
   *
   * @param now the time the report is for
   * @throws dev.p2p.NotFoundException if the action does not exist
   */
  ReportFigures figures(String orgId, long actionId, Instant now);

  /** The action's conversations with ids above {@code afterId}, ascending, with their contacts. */
  List<ConversationExport> conversations(String orgId, long actionId, long afterId, int limit);

  /** The action's messages with ids above {@code afterId}, ascending. */
  List<MessageExport> messages(String orgId, long actionId, long afterId, int limit);
}
