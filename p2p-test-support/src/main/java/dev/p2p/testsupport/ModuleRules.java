package dev.p2p.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The ArchUnit rules every module beside p2p-core keeps: its main code uses nothing in {@code
 * dev.p2p.internal} (no API, may change in any release) and, for a store or a gateway adapter, no
 * service of the core (the SPI it implements requires none, and the core decides every rule). The
 * core's own layer rules are in p2p-core's {@code dev.p2p.ArchitectureTest}.
 */
public final class ModuleRules {
  /**
   * The core's public services, which do work through a store or a gateway (p2p-core's {@code
   * ArchitectureTest.SERVICES} names them all, internal ones included). Their nested types count as
   * them.
   */
  public static final Set<String> SERVICES =
      Set.of(
          "dev.p2p.P2P",
          "dev.p2p.Organization",
          "dev.p2p.action.Actions",
          "dev.p2p.assign.Assignments",
          "dev.p2p.contact.Contacts",
          "dev.p2p.conversation.Conversations",
          "dev.p2p.conversation.Inbox",
          "dev.p2p.conversation.Texter",
          "dev.p2p.event.Events",
          "dev.p2p.event.OrganizationEvents",
          "dev.p2p.field.CustomFields",
          "dev.p2p.field.Tags",
          "dev.p2p.optout.OptOuts",
          "dev.p2p.report.Reports",
          "dev.p2p.texter.Groups",
          "dev.p2p.texter.Texters",
          "dev.p2p.webhook.Webhooks",
          "dev.p2p.gateway.policy.ResilientGateway");

  private static final DescribedPredicate<JavaClass> SERVICE =
      DescribedPredicate.describe(
          "are p2p-core's services", c -> SERVICES.contains(c.getName().replaceFirst("\\$.*", "")));

  private ModuleRules() {}

  /**
   * No class in {@code packages} (ArchUnit's form, {@code "dev.p2p.store.jdbc.."}) uses {@code
   * dev.p2p.internal}; {@code who} names the module in the rule's reason.
   */
  public static ArchRule usesNoInternals(String packages, String who) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.p2p.internal..")
        .because(
            "dev.p2p.internal is no API and may change in any release; "
                + who
                + " must build on what every user of p2p-core can reach")
        .allowEmptyShould(false);
  }

  /**
   * No class in {@code packages} uses a core service: for a module that implements an SPI ({@code
   * role}, "a store" or "a gateway adapter"), which the services call and never the other way.
   */
  public static ArchRule usesNoService(String packages, String who, String role) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .should()
        .dependOnClassesThat(SERVICE)
        .because(
            role
                + " implements the SPI, which the services call; the core decides every rule, so "
                + who
                + " never calls back into them")
        .allowEmptyShould(false);
  }
}
