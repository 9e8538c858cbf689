/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Extractor;
import picocli.CommandLine.Command;

/**
 * The edges (command line, JSON API, pages) translate; the use cases below them decide. These rules
 * keep the seams that docs/ARCHITECTURE.md draws.
 */
class UseCaseBoundariesTest {
  private static final JavaClasses VIGIL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vigil");

  @Test
  void pagesNeverTouchJdbcOrTheStoresImplementation() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.h2..", "org.postgresql..", "org.apache.lucene..")
        .orShould()
        .dependOnClassesThat(storeImplementation())
        .check(VIGIL);
  }

  @Test
  void theJsonApiDoesNotUseThePages() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.http..")
        .and()
        .doNotHaveSimpleName("ApiServer")
        .and()
        .doNotHaveSimpleName("ApiErrors")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.vigil.web..")
        .because("only the server mounts the pages and renders error pages for browsers")
        .check(VIGIL);
  }

  @Test
  void pagesDoNotUseTheJsonRoutes() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.web..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.simpleNameEndingWith("Routes")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Routes"))))
        .because("what a page and a route share is a use case below both, not a route")
        .check(VIGIL);
  }

  @Test
  void noCommandCallsAnotherCommand() {
    noClasses()
        .that()
        .areAnnotatedWith(Command.class)
        .should()
        .callMethodWhere(staticMethodOfAnotherCommand())
        .orShould()
        .callMethodWhere(runningAnotherCommand())
        .orShould()
        .callConstructorWhere(constructorOfAnotherCommand())
        .because("what two commands share is a use case or a helper, not a command")
        .check(VIGIL);
  }

  @Test
  void casesAreAUseCaseBelowTheEdges() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.cases..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.vigil.http..", "org.vigil.web..", "org.vigil.cli..", "io.javalin..", "picocli..")
        .because("the CLI, the routes, the pages and the demo all work cases through Cases")
        .check(VIGIL);
  }

  @Test
  void whatIsStoredIsReadInItsOwnersNameIdScope() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..evaluation..")
        .and()
        .doNotHaveSimpleName("ExtractCommand")
        .should()
        .callMethod(Extractor.class, "extract", String.class)
        .because(
            "names read for an organisation get its ids (Extractor.extract(text, scope)); the"
                + " operator's scope is for evaluations and for vigil extract, which stores nothing")
        .check(VIGIL);
  }

  @Test
  void theListLibraryDoesNotReachTheExtractor() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vigil.lists..", "org.vigil.watchlists..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vigil.extract..", "org.vigil.ingest..", "org.vigil.documents..")
        .check(VIGIL);
  }

  @Test
  void productionCodeDoesNotUseEvaluationCode() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..evaluation..", "org.vigil.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..evaluation..")
        .check(VIGIL);
    noClasses()
        .that()
        .resideInAPackage("org.vigil.cli..")
        .and()
        .doNotHaveSimpleName("VigilCommand")
        .and()
        .doNotHaveSimpleName("CliErrors")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..evaluation..")
        .because("the command line only mounts vigil eval and vigil bench and prints their errors")
        .check(VIGIL);
  }

  private static DescribedPredicate<JavaClass> storeImplementation() {
    return DescribedPredicate.describe(
        "the store's implementation (Jdbc*, Database)",
        c ->
            c.getPackageName().equals("org.vigil.store")
                && (c.getSimpleName().startsWith("Jdbc") || c.getSimpleName().equals("Database")));
  }

  private static DescribedPredicate<JavaCall<?>> staticMethodOfAnotherCommand() {
    return DescribedPredicate.describe(
        "a static method of another command",
        call -> {
          JavaClass target = topLevel(call.getTargetOwner());
          return target.isAnnotatedWith(Command.class)
              && !target.equals(topLevel(call.getOriginOwner()))
              && call.getTarget().resolveMember().stream()
                  .anyMatch(m -> m.getModifiers().contains(JavaModifier.STATIC));
        });
  }

  private static DescribedPredicate<JavaCall<?>> runningAnotherCommand() {
    return DescribedPredicate.describe(
        "the call() or run() of another command",
        call ->
            isAnotherCommand(call)
                && (call.getName().equals("call") || call.getName().equals("run"))
                && call.getTarget().getRawParameterTypes().isEmpty());
  }

  private static DescribedPredicate<JavaCall<?>> constructorOfAnotherCommand() {
    return DescribedPredicate.describe(
        "a constructor of another command", UseCaseBoundariesTest::isAnotherCommand);
  }

  private static boolean isAnotherCommand(JavaCall<?> call) {
    JavaClass target = topLevel(call.getTargetOwner());
    return target.isAnnotatedWith(Command.class) && !target.equals(topLevel(call.getOriginOwner()));
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
