package dev.p2p.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.p2p.testsupport.ModuleRules;

/**
 * The testkit builds on p2p-core's public API alone: its main code uses nothing in {@code
 * dev.p2p.internal}, so what it shows users is what they can write themselves. (It uses the
 * services freely: driving them is what it is for.) {@code ModuleRulesTest} in p2p-test-support
 * shows the rule failing on a class that breaks it.
 */
@AnalyzeClasses(
    packages = "dev.p2p.testkit",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  @ArchTest
  static final ArchRule USES_NO_INTERNALS =
      ModuleRules.usesNoInternals("dev.p2p.testkit..", "the testkit");
}
