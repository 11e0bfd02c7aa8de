package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a demo run produced.
 *
 * @param report the action's report at the end of the day
 * @param outputDirectory where the files went
 * @param took how long the run took on the wall clock
 */
public record DemoResult(ActionReport report, Path outputDirectory, Duration took) {}
