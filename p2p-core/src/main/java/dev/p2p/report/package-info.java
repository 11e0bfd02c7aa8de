/**
 * Reporting: an action's figures ({@link dev.p2p.report.ActionReport}), computed by the store with
 * aggregates rather than by loading conversations, and CSV exports of conversations, messages and
 * the opt-out list, streamed in bounded memory ({@link dev.p2p.report.Reports}).
 */
@NullMarked
package dev.p2p.report;

import org.jspecify.annotations.NullMarked;
