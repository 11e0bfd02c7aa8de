/**
 * The demo campaign: a simulated day of P2P texting, from the contact list to the report at its
 * end.
 *
 * <p>The report is rendered twice from one {@link dev.p2p.report.ActionReport}: as tables on the
 * terminal ({@link dev.p2p.examples.demo.ReportTables}) and as one self-contained HTML file with
 * inline SVG charts ({@link dev.p2p.examples.demo.HtmlReport}). {@link
 * dev.p2p.examples.demo.ReportContext} carries what the report itself does not know: the time zone
 * to show hours in, the variant bodies, a line describing the run and the CSV exports to link to.
 */
@NullMarked
package dev.p2p.examples.demo;

import org.jspecify.annotations.NullMarked;
