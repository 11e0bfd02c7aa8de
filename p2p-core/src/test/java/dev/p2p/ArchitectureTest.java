package dev.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.p2p.sms.ValueOffender;
import dev.p2p.store.support.SpiOffender;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The core's architecture. It talks to storage, carriers and the web only through its own SPIs, so
 * it depends on no JDBC, vendor or web-framework type; it writes no console output; every package
 * is {@code @NullMarked}. And it is layered: values, records and exceptions, and the SPI packages,
 * depend on no service, and their packages depend on each other without cycles.
 *
 * <p>The {@code @ArchTest} rules run on the core's main classes (ArchUnit's JUnit 5 engine); the
 * nested Jupiter tests show that each rule fails on a class that breaks it.
 */
@AnalyzeClasses(
    packages = "dev.p2p",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  /**
   * The services: the classes and interfaces that do work through a store or a gateway, named so
   * that a service stays one whether it is a class or an interface with its implementation under
   * {@code dev.p2p.internal}. Their nested types count as them.
   */
  static final Set<String> SERVICES =
      Set.of(
          "dev.p2p.P2P",
          "dev.p2p.Organization",
          "dev.p2p.Reconciler",
          "dev.p2p.GatewayRegistry",
          "dev.p2p.action.Actions",
          "dev.p2p.action.Estimator",
          "dev.p2p.action.Previews",
          "dev.p2p.assign.Assignments",
          "dev.p2p.contact.Contacts",
          "dev.p2p.conversation.Conversations",
          "dev.p2p.conversation.Edits",
          "dev.p2p.conversation.Inbox",
          "dev.p2p.conversation.Receiving",
          "dev.p2p.conversation.SendPipeline",
          "dev.p2p.conversation.Texter",
          "dev.p2p.event.Events",
          "dev.p2p.field.CustomFields",
          "dev.p2p.field.Tags",
          "dev.p2p.optout.OptOuts",
          "dev.p2p.report.ConversationCsv",
          "dev.p2p.report.MessageCsv",
          "dev.p2p.report.OptOutCsv",
          "dev.p2p.report.Reports",
          "dev.p2p.texter.Groups",
          "dev.p2p.texter.Texters",
          "dev.p2p.webhook.WebhookEvents",
          "dev.p2p.webhook.Webhooks",
          "dev.p2p.gateway.policy.ResilientGateway",
          "dev.p2p.gateway.policy.SendAttempts");

  /**
   * The internal input checks, which bound and normalize what callers and carriers hand p2p: pure
   * functions that every value's constructor calls (DESIGN: inputs are normalized in core before
   * any store sees them). Every other internal class is a service.
   */
  static final Set<String> INPUT_CHECKS = Set.of("dev.p2p.internal.Inputs", "dev.p2p.internal.Ids");

  static final String INTERNAL = "dev.p2p.internal..";

  /** The SPI packages: what stores and gateway adapters implement and use. */
  static final Set<String> SPI_PACKAGES =
      Set.of("dev.p2p.gateway", "dev.p2p.store", "dev.p2p.store.support");

  /** Packages that hold values only: encodings, segments and cost; scripts and templates. */
  static final Set<String> VALUE_PACKAGES = Set.of("dev.p2p.sms", "dev.p2p.script");

  static final DescribedPredicate<JavaClass> SERVICE =
      DescribedPredicate.describe(
          "are services (named in ArchitectureTest.SERVICES, or in "
              + INTERNAL
              + " but the input checks)",
          ArchitectureTest::isService);

  static final DescribedPredicate<JavaClass> VALUE =
      DescribedPredicate.describe(
          "are values (records, enums, throwables, sealed interfaces, or in "
              + String.join(", ", VALUE_PACKAGES)
              + ") outside "
              + INTERNAL,
          ArchitectureTest::isValue);

  static final DescribedPredicate<JavaClass> AN_INPUT_CHECK =
      DescribedPredicate.describe(
          "are the input checks " + INPUT_CHECKS, c -> INPUT_CHECKS.contains(c.getName()));

  @ArchTest
  static final ArchRule MICROMETER_STAYS_OPTIONAL =
      noClasses()
          .that()
          .haveNameNotMatching(
              "dev\\.p2p\\.internal\\.metrics\\.(MicrometerTelemetry|BreakerMeters)(\\$.*)?")
          .and()
          .haveNameNotMatching("dev\\.p2p\\.P2P(\\$Builder)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micrometer..", "io.github.resilience4j.micrometer..")
          .because(
              "Micrometer is optional: only MicrometerTelemetry and BreakerMeters (built when the"
                  + " host gives a registry) and the builder's signatures touch it");

  @ArchTest
  static final ArchRule NO_JDBC =
      forbidDependencies(
          "JDBC or a JDBC driver (stores live in their own modules)",
          "java.sql..",
          "javax.sql..",
          "org.h2..",
          "org.postgresql..",
          "org.mariadb..",
          "com.mysql..");

  @ArchTest
  static final ArchRule NO_MIGRATION_OR_POOL =
      forbidDependencies(
          "Flyway or HikariCP (they belong to p2p-store-jdbc)", "org.flywaydb..", "com.zaxxer..");

  @ArchTest
  static final ArchRule NO_WEB_FRAMEWORK =
      forbidDependencies(
          "a servlet API, a web framework or the JDK's HTTP server (webhooks are plain values)",
          "jakarta.servlet..",
          "javax.servlet..",
          "org.springframework..",
          "io.javalin..",
          "com.sun.net.httpserver..");

  @ArchTest
  static final ArchRule NO_VENDOR_SDK =
      forbidDependencies(
          "a carrier's SDK (adapters translate in their own modules)",
          "com.twilio..",
          "com.bandwidth..");

  @ArchTest
  static final ArchRule NO_STANDARD_STREAMS =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
          .because("the core logs through SLF4J and never prints")
          .allowEmptyShould(false);

  /**
   * Stricter than {@link GeneralCodingRules#NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING}, which only
   * looks at logger fields: any use of the package counts.
   */
  @ArchTest
  static final ArchRule NO_JAVA_UTIL_LOGGING =
      forbidDependencies("java.util.logging (the core logs through SLF4J)", "java.util.logging..");

  @ArchTest
  static final ArchRule PACKAGES_ARE_NULL_MARKED =
      classes()
          .that()
          .resideInAPackage("dev.p2p..")
          .should(resideInANullMarkedPackage())
          .because("nulls are not part of the API and NullAway checks @NullMarked code")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule VALUES_USE_NO_SERVICE =
      noClasses()
          .that(VALUE)
          .should()
          .dependOnClassesThat(SERVICE)
          .because(
              "values, records and exceptions are what services take and return; one that"
                  + " reached a service would tie the data to the engine, so neither could be"
                  + " used, tested or changed alone")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule SPI_USES_NO_SERVICE =
      noClasses()
          .that()
          .resideInAnyPackage(SPI_PACKAGES.toArray(String[]::new))
          .should()
          .dependOnClassesThat(SERVICE)
          .because(
              "stores and gateway adapters build on the SPI alone: the core decides every rule"
                  + " and a store or adapter only applies it, so the SPI must not lead them into"
                  + " the services that call them")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule SPI_USES_NO_IMPLEMENTATION =
      noClasses()
          .that()
          .resideInAnyPackage(SPI_PACKAGES.toArray(String[]::new))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.p2p.store.memory..", "dev.p2p.gateway.policy..")
          .because(
              "the in-memory store implements the SPI and the send policy wraps any gateway; the"
                  + " SPI knows neither, as it knows no JDBC store or carrier adapter")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule INPUT_CHECKS_USE_NO_SERVICE =
      noClasses()
          .that(AN_INPUT_CHECK)
          .should()
          .dependOnClassesThat(SERVICE)
          .because(
              "values call the input checks from their constructors, so the checks stay as low"
                  + " as the values: otherwise a value would reach a service through them")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule VALUE_AND_SPI_PACKAGES_HAVE_NO_CYCLES =
      slices()
          .assignedFrom(valuesAndSpiByPackage())
          .should()
          .beFreeOfCycles()
          .because(
              "values and the SPI are the ground every layer stands on; packages that need each"
                  + " other cannot be understood, moved or split apart")
          .allowEmptyShould(false);

  @ArchTest
  static void importsMainClassesOnly(JavaClasses core) {
    assertThat(core.contain(P2PException.class)).isTrue();
    assertThat(core.contain(ArchitectureTest.class)).isFalse();
    assertThat(core.contain(SpiOffender.class)).isFalse();
  }

  static Stream<ArchRule> rules() {
    return Stream.of(
        NO_JDBC,
        NO_MIGRATION_OR_POOL,
        NO_WEB_FRAMEWORK,
        NO_VENDOR_SDK,
        NO_STANDARD_STREAMS,
        NO_JAVA_UTIL_LOGGING,
        PACKAGES_ARE_NULL_MARKED,
        VALUES_USE_NO_SERVICE,
        SPI_USES_NO_SERVICE,
        SPI_USES_NO_IMPLEMENTATION,
        INPUT_CHECKS_USE_NO_SERVICE,
        VALUE_AND_SPI_PACKAGES_HAVE_NO_CYCLES);
  }

  static boolean isService(JavaClass javaClass) {
    String name = javaClass.getName();
    int nested = name.indexOf('$');
    String outer = nested < 0 ? name : name.substring(0, nested);
    if (javaClass.getPackageName().startsWith("dev.p2p.internal")) {
      return !INPUT_CHECKS.contains(outer);
    }
    return SERVICES.contains(outer);
  }

  static boolean isValue(JavaClass javaClass) {
    if (javaClass.getPackageName().startsWith("dev.p2p.internal")) {
      return false;
    }
    return javaClass.isRecord()
        || javaClass.isEnum()
        || javaClass.isAssignableTo(Throwable.class)
        || VALUE_PACKAGES.contains(javaClass.getPackageName())
        || (javaClass.isInterface() && javaClass.reflect().isSealed());
  }

  /** Each package's values, and each SPI package whole, as one slice; everything else ignored. */
  private static SliceAssignment valuesAndSpiByPackage() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith("dev.p2p")) {
          return SliceIdentifier.ignore();
        }
        return SPI_PACKAGES.contains(pkg) || isValue(javaClass)
            ? SliceIdentifier.of(pkg)
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "the values of each package and the SPI packages " + SPI_PACKAGES;
      }
    };
  }

  /** Each rule fails on a class that breaks it, so a green run means something. */
  @Nested
  class TheRulesCatch {
    private final JavaClasses offenders =
        new ClassFileImporter().importClasses(Offender.class, P2PException.class);

    /** A record in a value package and an SPI class that use services and each other. */
    private final JavaClasses layerOffenders =
        new ClassFileImporter().importClasses(ValueOffender.class, SpiOffender.class);

    @Test
    @DisplayName("an internal class other than MicrometerTelemetry that uses Micrometer")
    void aMicrometerDependency() throws ClassNotFoundException {
      JavaClasses offender =
          new ClassFileImporter()
              .importClasses(Class.forName("dev.p2p.internal.metrics.MicrometerOffender"));
      assertThatThrownBy(() -> MICROMETER_STAYS_OPTIONAL.check(offender))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("MicrometerOffender")
          .hasMessageContaining("io.micrometer.core.instrument.MeterRegistry");
    }

    @Test
    void aJdbcDependency() {
      assertThatThrownBy(() -> NO_JDBC.check(offenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("java.sql.Connection");
    }

    @Test
    void aWebServerDependency() {
      assertThatThrownBy(() -> NO_WEB_FRAMEWORK.check(offenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("com.sun.net.httpserver.HttpExchange");
    }

    @Test
    void aStandardStreamAccess() {
      assertThatThrownBy(() -> NO_STANDARD_STREAMS.check(offenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("System.out");
    }

    @Test
    void javaUtilLogging() {
      assertThatThrownBy(() -> NO_JAVA_UTIL_LOGGING.check(offenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("java.util.logging.Logger");
    }

    @Test
    @DisplayName("a class whose package has no @NullMarked package-info")
    void aPackageWithoutNullMarked() {
      JavaClasses unmarked = new ClassFileImporter().importClasses(Offender.class);
      assertThatThrownBy(() -> PACKAGES_ARE_NULL_MARKED.check(unmarked))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(Offender.class.getName());
    }

    @Test
    @DisplayName("a record that uses a service")
    void aValueUsingAService() {
      assertThatThrownBy(() -> VALUES_USE_NO_SERVICE.check(layerOffenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(ValueOffender.class.getName())
          .hasMessageContaining(Organization.class.getName());
    }

    @Test
    @DisplayName("an SPI class that uses a service, and one that uses an internal class")
    void anSpiClassUsingAService() {
      assertThatThrownBy(() -> SPI_USES_NO_SERVICE.check(layerOffenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(P2P.class.getName())
          .hasMessageContaining("dev.p2p.internal.Texting");
    }

    @Test
    @DisplayName("an SPI class that uses the in-memory store")
    void anSpiClassUsingAnImplementation() {
      assertThatThrownBy(() -> SPI_USES_NO_IMPLEMENTATION.check(layerOffenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.p2p.store.memory.InMemoryStore");
    }

    @Test
    @DisplayName("a value package and an SPI package that use each other")
    void aCycle() {
      assertThatThrownBy(() -> VALUE_AND_SPI_PACKAGES_HAVE_NO_CYCLES.check(layerOffenders))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Cycle detected")
          .hasMessageContaining("dev.p2p.sms")
          .hasMessageContaining("dev.p2p.store.support");
    }

    @Test
    @DisplayName("the input checks are not services, every other internal class is")
    void theServicesAreTheNamedOnesAndTheInternals() {
      JavaClasses internals =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.p2p.internal");
      assertThat(internals.stream().filter(ArchitectureTest::isService).map(JavaClass::getName))
          .contains("dev.p2p.internal.Texting", "dev.p2p.internal.OrgContext")
          .doesNotContainAnyElementsOf(INPUT_CHECKS);
    }

    @Test
    @DisplayName("an empty import, instead of passing vacuously")
    void anEmptyImport() {
      JavaClasses none = new ClassFileImporter().importClasses();
      rules()
          .forEach(
              rule ->
                  assertThatThrownBy(() -> rule.check(none))
                      .as(rule.getDescription())
                      .isInstanceOf(AssertionError.class));
    }
  }

  private static ArchRule forbidDependencies(String what, String... packages) {
    return noClasses()
        .that()
        .resideInAPackage("dev.p2p..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .because("the core depends on no " + what)
        .allowEmptyShould(false);
  }

  private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
    return new ArchCondition<>("reside in a package whose package-info is @NullMarked") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        JavaPackage pkg = javaClass.getPackage();
        boolean marked =
            pkg.tryGetPackageInfo()
                .map(info -> info.isAnnotatedWith(NullMarked.class))
                .orElse(false);
        if (!marked) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass,
                  javaClass.getName()
                      + " resides in "
                      + pkg.getName()
                      + ", which has no package-info.java annotated @NullMarked"));
        }
      }
    };
  }

  /**
   * Breaks the rules on purpose; ArchUnit reads its byte code and never runs it. (Vendor, Flyway
   * and Hikari types are not on the test classpath; their rules share {@link #forbidDependencies}
   * with the JDBC and web rules checked here.)
   */
  @SuppressWarnings("unused")
  private static final class Offender {
    private java.sql.@Nullable Connection connection;
    private com.sun.net.httpserver.@Nullable HttpExchange exchange;

    void offend() {
      System.out.println("printed");
      java.util.logging.Logger.getLogger("jul").info("logged");
    }
  }
}
