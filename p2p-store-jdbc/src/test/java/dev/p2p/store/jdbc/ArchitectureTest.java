package dev.p2p.store.jdbc;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.p2p.testsupport.ModuleRules;

/**
 * The JDBC store builds on p2p-core's SPI alone: its main code uses nothing in {@code
 * dev.p2p.internal} and no service of the core (the facade, the organization's services, the
 * webhook service, the send policy), since the SPI it implements requires none. {@code
 * ModuleRulesTest} in p2p-test-support shows each rule failing on a class that breaks it.
 */
@AnalyzeClasses(
    packages = "dev.p2p.store.jdbc",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  @ArchTest
  static final ArchRule USES_NO_INTERNALS =
      ModuleRules.usesNoInternals("dev.p2p.store.jdbc..", "the JDBC store");

  @ArchTest
  static final ArchRule USES_NO_SERVICE =
      ModuleRules.usesNoService("dev.p2p.store.jdbc..", "the JDBC store", "a store");
}
