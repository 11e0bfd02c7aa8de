package dev.p2p.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The testkit uses p2p-core's public API, never its internals: its main code uses nothing in {@code
 * dev.p2p.internal}, so the contract kits test what every user of the API can reach. The core's own
 * layer rules are in {@code dev.p2p.ArchitectureTest} of p2p-core.
 */
@AnalyzeClasses(
    packages = "dev.p2p.testkit",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule USES_NO_INTERNALS =
      noClasses()
          .that()
          .resideInAPackage("dev.p2p.testkit..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.p2p.internal..")
          .because(
              "dev.p2p.internal is no API and may change in any release; the testkit must build"
                  + " on what every user of p2p-core can reach")
          .allowEmptyShould(false);

  /** Each rule fails on a class that breaks it, so a green run means something. */
  @Nested
  class TheRulesCatch {
    @Test
    @DisplayName("a class that uses an internal class")
    void anInternalDependency() {
      assertThatThrownBy(
              () -> USES_NO_INTERNALS.check(new ClassFileImporter().importClasses(Offender.class)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.p2p.internal.Inputs");
    }
  }

  /** Breaks the rules on purpose; ArchUnit reads its byte code and never runs it. */
  @SuppressWarnings("unused")
  private static final class Offender {
    String offend(String text) {
      return dev.p2p.internal.Inputs.text(text);
    }
  }
}
