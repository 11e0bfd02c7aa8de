/**
 * Internal: p2p's one seam for metrics and observations ({@link
 * dev.p2p.internal.metrics.Telemetry}) and its Micrometer implementation, the only class that
 * touches Micrometer. No API.
 */
@NullMarked
package dev.p2p.internal.metrics;

import org.jspecify.annotations.NullMarked;
