package dev.p2p;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.p2p.apifixture.OldShapes;
import dev.p2p.field.Tags;
import dev.p2p.internal.field.TagsImpl;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The public API's boundary: {@code dev.p2p.internal} is no API, so no public signature outside it
 * mentions one of its types, and the services (the interfaces the facade hands out) are implemented
 * inside it and built by the facade only.
 */
class PublicApiTest {
  private static final String INTERNAL = "dev.p2p.internal..";

  /** The core's main classes, without tests and without the jars on the classpath. */
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.p2p");

  /** Public types outside the internal packages, nested ones only inside such types. */
  static final DescribedPredicate<JavaClass> API_TYPE =
      DescribedPredicate.describe("public API types", PublicApiTest::isApiType);

  /** Public or protected members of {@link #API_TYPE API types}. */
  static final DescribedPredicate<JavaMember> API_MEMBER =
      DescribedPredicate.describe(
          "public or protected members of public API types",
          m ->
              isApiType(m.getOwner())
                  && (m.getModifiers().contains(JavaModifier.PUBLIC)
                      || m.getModifiers().contains(JavaModifier.PROTECTED))
                  && !m.getModifiers().contains(JavaModifier.SYNTHETIC));

  static final ArchRule NO_INTERNAL_TYPE_IN_MEMBER_SIGNATURES =
      members()
          .that(API_MEMBER)
          .should(mentionNoInternalType())
          .because("dev.p2p.internal is no API: it may change in any release");

  static final ArchRule NO_INTERNAL_SUPERTYPE =
      classes()
          .that(API_TYPE)
          .should(extendNoInternalType())
          .because("dev.p2p.internal is no API: it may change in any release");

  /** Every interface a user reaches from {@code P2P} and {@code Organization}. */
  static final Set<JavaClass> SERVICES = services(CORE);

  static final DescribedPredicate<JavaClass> SERVICE_IMPLEMENTATION =
      DescribedPredicate.describe(
          "implement a service the facade hands out",
          c ->
              !c.isInterface()
                  && c.getAllRawInterfaces().stream()
                      .anyMatch(
                          i -> SERVICES.stream().anyMatch(s -> s.isEquivalentTo(i.reflect()))));

  static final ArchRule SERVICES_ARE_IMPLEMENTED_INTERNALLY =
      classes()
          .that(SERVICE_IMPLEMENTATION)
          .should()
          .resideInAPackage(INTERNAL)
          .because("a service's implementation is no API");

  static final ArchRule SERVICES_ARE_BUILT_BY_THE_FACADE =
      constructors()
          .that()
          .areDeclaredInClassesThat(SERVICE_IMPLEMENTATION)
          .should()
          .onlyBeCalled()
          .byClassesThat(
              belongToAnyOf(P2P.class, Organization.class).or(resideInAPackage(INTERNAL)))
          .because("services are obtained from P2P and Organization only");

  @Test
  void noPublicSignatureMentionsAnInternalType() {
    NO_INTERNAL_TYPE_IN_MEMBER_SIGNATURES.check(CORE);
  }

  @Test
  void noPublicTypeExtendsOrImplementsAnInternalType() {
    NO_INTERNAL_SUPERTYPE.check(CORE);
  }

  @Test
  void servicesAreImplementedInTheInternalPackages() {
    SERVICES_ARE_IMPLEMENTED_INTERNALLY.check(CORE);
  }

  @Test
  void servicesAreBuiltByTheFacadeOnly() {
    SERVICES_ARE_BUILT_BY_THE_FACADE.check(CORE);
  }

  @Test
  @DisplayName("the services are found from the facade, so the rules about them are not vacuous")
  void servicesAreFound() {
    assertThat(SERVICES.stream().map(JavaClass::getSimpleName).collect(Collectors.toSet()))
        .contains(
            "Actions",
            "Assignments",
            "Contacts",
            "Conversations",
            "CustomFields",
            "Events",
            "Groups",
            "Inbox",
            "OptOuts",
            "Reports",
            "Tags",
            "Texter",
            "Texters",
            "Webhooks");
    assertThat(CORE.stream().filter(SERVICE_IMPLEMENTATION::test).count())
        .isGreaterThanOrEqualTo(14);
  }

  @Nested
  @DisplayName("the rules fail on the shapes the API had before")
  class OldShapesFail {
    private final JavaClasses old =
        new ClassFileImporter()
            .importClasses(
                OldShapes.class,
                OldShapes.OldService.class,
                OldShapes.OldReceiving.class,
                OldShapes.OldAccessors.class,
                Tags.class,
                TagsImpl.class);

    @Test
    @DisplayName("a public constructor taking OrgContext, as Actions(OrgContext) had")
    void aConstructorParameter() {
      assertThatThrownBy(() -> NO_INTERNAL_TYPE_IN_MEMBER_SIGNATURES.check(old))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("OldService.<init>(dev.p2p.internal.OrgContext)");
    }

    @Test
    @DisplayName("an internal type as a generic argument, as Receiving(Texting, Function) had")
    void aGenericArgument() {
      assertThatThrownBy(() -> NO_INTERNAL_TYPE_IN_MEMBER_SIGNATURES.check(old))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("OldReceiving.<init>")
          .hasMessageContaining("OldAccessors.contexts()")
          .hasMessageContaining("OldAccessors.context");
    }

    @Test
    @DisplayName("a service implementation built outside the facade")
    void aServiceBuiltOutsideTheFacade() {
      assertThatThrownBy(() -> SERVICES_ARE_BUILT_BY_THE_FACADE.check(old))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("OldShapes.tagsWithoutFacade");
    }
  }

  private static boolean isApiType(JavaClass c) {
    for (JavaClass t = c; ; t = t.getEnclosingClass().orElseThrow()) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)
          || t.getPackageName().startsWith("dev.p2p.internal")) {
        return false;
      }
      if (t.getEnclosingClass().isEmpty()) {
        return true;
      }
    }
  }

  private static boolean isInternal(JavaClass c) {
    return c.getBaseComponentType().getPackageName().startsWith("dev.p2p.internal");
  }

  private static Set<String> internalTypesIn(Iterable<? extends JavaType> types) {
    Set<String> found = new TreeSet<>();
    for (JavaType type : types) {
      for (JavaClass c : type.getAllInvolvedRawTypes()) {
        if (isInternal(c)) {
          found.add(c.getBaseComponentType().getName());
        }
      }
    }
    return found;
  }

  private static Set<String> internalTypesIn(JavaMember member) {
    Set<JavaType> types = new LinkedHashSet<>();
    if (member instanceof JavaField field) {
      types.add(field.getType());
    } else if (member instanceof JavaCodeUnit unit) {
      types.addAll(unit.getParameterTypes());
      types.add(unit.getReturnType());
      types.addAll(unit.getThrowsClause().getTypes());
      unit.getTypeParameters().forEach(p -> types.addAll(p.getUpperBounds()));
    }
    return internalTypesIn(types);
  }

  private static ArchCondition<JavaMember> mentionNoInternalType() {
    return new ArchCondition<>("mention no type of dev.p2p.internal in their signature") {
      @Override
      public void check(JavaMember member, ConditionEvents events) {
        Set<String> internal = internalTypesIn(member);
        if (!internal.isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  member, member.getFullName() + " mentions " + String.join(", ", internal)));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> extendNoInternalType() {
    return new ArchCondition<>("extend, implement and bound by no type of dev.p2p.internal") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        Set<JavaType> types = new LinkedHashSet<>(c.getInterfaces());
        c.getSuperclass().ifPresent(types::add);
        c.getTypeParameters().forEach(p -> types.addAll(p.getUpperBounds()));
        Set<String> internal = internalTypesIn(types);
        if (!internal.isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  c, c.getName() + " extends or is bounded by " + String.join(", ", internal)));
        }
      }
    };
  }

  /**
   * The interfaces a user reaches from the facade: the interface return types of {@code P2P}'s and
   * {@code Organization}'s public methods, then of those interfaces' methods, and so on.
   */
  private static Set<JavaClass> services(JavaClasses core) {
    Set<JavaClass> found = new LinkedHashSet<>();
    Deque<JavaClass> todo = new ArrayDeque<>();
    todo.add(core.get(P2P.class));
    todo.add(core.get(Organization.class));
    while (!todo.isEmpty()) {
      for (JavaMethod method : todo.poll().getMethods()) {
        JavaClass returned = method.getRawReturnType();
        if (method.getModifiers().contains(JavaModifier.PUBLIC)
            && returned.isInterface()
            && returned.getPackageName().startsWith("dev.p2p")
            && core.contain(returned.getName())
            && found.add(returned)) {
          todo.add(returned);
        }
      }
    }
    return found;
  }
}
