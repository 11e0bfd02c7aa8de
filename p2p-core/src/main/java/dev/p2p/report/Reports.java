package dev.p2p.report;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.internal.OrgContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;

/**
 * An organization's reporting: {@link #action(long)} computes an action's {@link ActionReport}; the
 * exports write CSV with a header row, page by page, so that an export of any size runs in bounded
 * memory. Obtained from {@code Organization.reports()}; thread-safe.
 *
 * <p>An export reads page after page rather than one snapshot: a conversation that changes while
 * the export runs appears once, as it was when its page was read.
 */
public final class Reports {
  /** How many rows an export reads from the store at a time. */
  public static final int EXPORT_PAGE = 2_000;

  private final OrgContext ctx;

  /** Internal: obtained from {@code Organization.reports()}. */
  public Reports(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * The action's report now: totals, per texter, per tag, per report question, per variant, cost
   * and the hourly timeline.
   *
   * @throws NotFoundException if the action does not exist
   */
  public ActionReport action(long actionId) {
    Action action = action0(actionId);
    Instant now = ctx.clock().instant();
    return ReportAssembler.assemble(
        action, ctx.store().reports().figures(ctx.orgId(), actionId, now), ctx.costModel(), now);
  }

  /**
   * Writes the action's conversations as CSV: one row per conversation with its contact, texter,
   * status, tags, custom-field values, report answers and last message time (the README's
   * "Reporting" section lists the columns). Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws NotFoundException if the action does not exist
   * @throws UncheckedIOException if the writer fails
   */
  public long exportConversations(long actionId, Writer out) {
    return new ConversationCsv(ctx, action0(actionId)).write(out);
  }

  /**
   * Writes the action's messages, both directions, as CSV, oldest first. Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws NotFoundException if the action does not exist
   * @throws UncheckedIOException if the writer fails
   */
  public long exportMessages(long actionId, Writer out) {
    return MessageCsv.write(ctx, action0(actionId).id(), out);
  }

  /**
   * Writes the organization's opt-out list as CSV ({@code phone,source,opted_out_at}), by phone.
   * Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws UncheckedIOException if the writer fails
   */
  public long exportOptOuts(Writer out) {
    return OptOutCsv.write(ctx, out);
  }

  /**
   * Writes one of the exports to a UTF-8 file, replacing it; on failure no partial file is left.
   *
   * @param export for instance {@code out -> reports.exportConversations(id, out)}
   * @return the rows written
   */
  public static long toFile(Path file, Export export) {
    Path absolute = file.toAbsolutePath();
    Path dir = Objects.requireNonNull(absolute.getParent(), "file has no parent folder");
    Path partial = dir.resolve(absolute.getFileName() + ".partial");
    try {
      long rows;
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        rows = export.write(out);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      return rows;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("Could not write the export to " + absolute, e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  /** One export, writing to the given writer and returning its row count. */
  @FunctionalInterface
  public interface Export {
    /** Writes the export. */
    long write(Writer out);
  }

  private Action action0(long actionId) {
    return ctx.store()
        .actions()
        .findAction(ctx.orgId(), actionId)
        .orElseThrow(() -> new NotFoundException("action", actionId));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing more to do: the failure being reported matters more.
    }
  }
}
