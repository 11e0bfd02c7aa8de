package dev.p2p.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each module rule fails on a class that breaks it, so a module's green run means something. */
class ModuleRulesTest {
  private static final JavaClasses OFFENDER = new ClassFileImporter().importClasses(Offender.class);

  @Test
  @DisplayName("a class that uses an internal class breaks usesNoInternals")
  void anInternalDependency() {
    assertThatThrownBy(
            () ->
                ModuleRules.usesNoInternals("dev.p2p.testsupport..", "this module").check(OFFENDER))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.p2p.internal.Inputs");
  }

  @Test
  @DisplayName("a class that uses a service breaks usesNoService")
  void aServiceDependency() {
    assertThatThrownBy(
            () ->
                ModuleRules.usesNoService("dev.p2p.testsupport..", "this module", "a store")
                    .check(OFFENDER))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.p2p.Organization");
  }

  /** Breaks both rules on purpose; ArchUnit reads its byte code and never runs it. */
  @SuppressWarnings("unused")
  private static final class Offender {
    String offend(String text) {
      return dev.p2p.internal.Inputs.text(text);
    }

    String offend(dev.p2p.Organization organization) {
      return organization.id();
    }
  }
}
