/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's packages depend one way: cli on app, http, web and auth; http and web on auth; auth on
 * none of them.
 */
class AppLayersTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "org.vigil.cli",
              "org.vigil.http",
              "org.vigil.web",
              "org.vigil.auth",
              "org.vigil.app");

  @Test
  void authKnowsNothingOfTheInterfaces() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.vigil.http..",
            "org.vigil.web..",
            "org.vigil.cli..",
            "org.vigil.app..",
            "io.javalin..")
        .check(APP);
  }

  @Test
  void httpAndWebDoNotDependOnTheCommandLineOrTheWiring() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vigil.http..", "org.vigil.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vigil.cli..", "org.vigil.app..", "picocli..")
        .check(APP);
  }

  @Test
  void appDoesNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vigil.cli..", "picocli..", "io.javalin..")
        .check(APP);
  }
}
