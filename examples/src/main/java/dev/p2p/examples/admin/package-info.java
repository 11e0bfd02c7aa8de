/**
 * The admin commands of {@code p2p-demo.jar}: what a CRM's admin screen would ask p2p before a
 * campaign goes out, run from a terminal.
 *
 * <ul>
 *   <li>{@link dev.p2p.examples.admin.SegmentsCommand segments}: what one text costs on the wire
 *       (encoding, segments, the characters that force UCS-2, the smart-encoded alternative).
 *   <li>{@link dev.p2p.examples.admin.CheckCsvCommand check-csv}: the import report of a contact
 *       CSV, storing nothing.
 *   <li>{@link dev.p2p.examples.admin.EstimateCommand estimate}: segments and cost of each
 *       initial-message variant over a real contact list.
 * </ul>
 *
 * <p>Each prints readable text, or pretty JSON with {@code --json}; each exits 0 on success, 1 when
 * the input has problems (reported), 2 on bad usage (including a FILE that does not exist). The
 * commands use only p2p's public API, on an in-memory store.
 */
@NullMarked
package dev.p2p.examples.admin;

import org.jspecify.annotations.NullMarked;
