package dev.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's architecture: it talks to storage, carriers and the web only through its own SPIs, so
 * it depends on no JDBC, vendor or web-framework type; it writes no console output; and every
 * package is {@code @NullMarked}.
 */
class ArchitectureTest {

  /** The core's main classes, without tests and without the jars on the classpath. */
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.p2p");

  static final ArchRule NO_JDBC =
      forbidDependencies(
          "JDBC or a JDBC driver (stores live in their own modules)",
          "java.sql..",
          "javax.sql..",
          "org.h2..",
          "org.postgresql..",
          "org.mariadb..",
          "com.mysql..");

  static final ArchRule NO_MIGRATION_OR_POOL =
      forbidDependencies(
          "Flyway or HikariCP (they belong to p2p-store-jdbc)", "org.flywaydb..", "com.zaxxer..");

  static final ArchRule NO_WEB_FRAMEWORK =
      forbidDependencies(
          "a servlet API, a web framework or the JDK's HTTP server (webhooks are plain values)",
          "jakarta.servlet..",
          "javax.servlet..",
          "org.springframework..",
          "io.javalin..",
          "com.sun.net.httpserver..");

  static final ArchRule NO_VENDOR_SDK =
      forbidDependencies(
          "a carrier's SDK (adapters translate in their own modules)",
          "com.twilio..",
          "com.bandwidth..");

  static final ArchRule NO_STANDARD_STREAMS =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
          .because("the core logs through SLF4J and never prints")
          .allowEmptyShould(false);

  /**
   * Stricter than {@link GeneralCodingRules#NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING}, which only
   * looks at logger fields: any use of the package counts.
   */
  static final ArchRule NO_JAVA_UTIL_LOGGING =
      forbidDependencies("java.util.logging (the core logs through SLF4J)", "java.util.logging..");

  static final ArchRule PACKAGES_ARE_NULL_MARKED =
      classes()
          .that()
          .resideInAPackage("dev.p2p..")
          .should(resideInANullMarkedPackage())
          .because("nulls are not part of the API and NullAway checks @NullMarked code")
          .allowEmptyShould(false);

  static Stream<ArchRule> rules() {
    return Stream.of(
        NO_JDBC,
        NO_MIGRATION_OR_POOL,
        NO_WEB_FRAMEWORK,
        NO_VENDOR_SDK,
        NO_STANDARD_STREAMS,
        NO_JAVA_UTIL_LOGGING,
        PACKAGES_ARE_NULL_MARKED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("the core's main classes keep the rule")
  void coreKeepsTheRule(ArchRule rule) {
    rule.check(CORE);
  }

  @Test
  @DisplayName("the rules see the core's main classes and not its tests")
  void importsMainClassesOnly() {
    assertThat(CORE.contain(P2PException.class)).isTrue();
    assertThat(CORE.contain(ArchitectureTest.class)).isFalse();
  }

  /** Each rule fails on a class that breaks it, so a green run means something. */
  @Nested
  class TheRulesCatch {
    private final JavaClasses offenders =
        new ClassFileImporter().importClasses(Offender.class, P2PException.class);

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
