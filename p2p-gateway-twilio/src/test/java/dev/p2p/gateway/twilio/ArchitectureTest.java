package dev.p2p.gateway.twilio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Twilio adapter builds on p2p-core's SPI alone: its main code uses nothing in {@code
 * dev.p2p.internal} and no service of the core (the facade, the organization's services, the
 * webhook service, the send policy), since the SPI it implements requires none. The core's own
 * layer rules are in {@code dev.p2p.ArchitectureTest} of p2p-core.
 */
@AnalyzeClasses(
    packages = "dev.p2p.gateway.twilio",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  /**
   * The core's public services, which do work through a store or a gateway (p2p-core's {@code
   * ArchitectureTest.SERVICES} names them all, package-private ones included). Their nested types
   * count as them.
   */
  static final Set<String> SERVICES =
      Set.of(
          "dev.p2p.P2P",
          "dev.p2p.Organization",
          "dev.p2p.action.Actions",
          "dev.p2p.assign.Assignments",
          "dev.p2p.contact.Contacts",
          "dev.p2p.conversation.Conversations",
          "dev.p2p.conversation.Inbox",
          "dev.p2p.conversation.Receiving",
          "dev.p2p.conversation.Texter",
          "dev.p2p.event.Events",
          "dev.p2p.field.CustomFields",
          "dev.p2p.field.Tags",
          "dev.p2p.optout.OptOuts",
          "dev.p2p.report.Reports",
          "dev.p2p.texter.Groups",
          "dev.p2p.texter.Texters",
          "dev.p2p.webhook.Webhooks",
          "dev.p2p.gateway.policy.ResilientGateway");

  static final DescribedPredicate<JavaClass> SERVICE =
      DescribedPredicate.describe(
          "are p2p-core's services", c -> SERVICES.contains(c.getName().replaceFirst("\\$.*", "")));

  @ArchTest
  static final ArchRule USES_NO_INTERNALS =
      noClasses()
          .that()
          .resideInAPackage("dev.p2p.gateway.twilio..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.p2p.internal..")
          .because(
              "dev.p2p.internal is no API and may change in any release; the Twilio adapter must build"
                  + " on what every user of p2p-core can reach")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule USES_NO_SERVICE =
      noClasses()
          .that()
          .resideInAPackage("dev.p2p.gateway.twilio..")
          .should()
          .dependOnClassesThat(SERVICE)
          .because(
              "a gateway adapter implements the SPI, which the services call; the core decides every rule,"
                  + " so the Twilio adapter never calls back into them")
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

    @Test
    @DisplayName("a class that uses a service")
    void aServiceDependency() {
      assertThatThrownBy(
              () -> USES_NO_SERVICE.check(new ClassFileImporter().importClasses(Offender.class)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.p2p.Organization");
    }
  }

  /** Breaks the rules on purpose; ArchUnit reads its byte code and never runs it. */
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
