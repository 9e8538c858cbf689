/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries of ARCHITECTURE.md, checked over every Vigil class on the
 * application's class path (all four modules).
 */
class ArchitectureTest {
  private static final JavaClasses VIGIL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vigil");

  private static final String[] APP = {
    "org.vigil.http..",
    "org.vigil.cli..",
    "org.vigil.app..",
    "org.vigil.evaluation..",
    "org.vigil.auth.."
  };
  private static final List<String> BANNED_PACKAGE_WORDS =
      List.of(
          "util",
          "utils",
          "common",
          "commons",
          "helper",
          "helpers",
          "manager",
          "managers",
          "service",
          "services",
          "misc");

  @Test
  void allFourModulesAreOnTheClassPath() {
    assertThat(VIGIL.containPackage("org.vigil.model")).isTrue();
    assertThat(VIGIL.containPackage("org.vigil.store")).isTrue();
    assertThat(VIGIL.containPackage("org.vigil.http")).isTrue();
  }

  @Test
  void theStoreKnowsNothingOfTheApplication() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vigil.store..", "org.vigil.search..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(APP)
        .check(VIGIL);
  }

  @Test
  void extractionKnowsNothingOfStoreOrApplication() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vigil.extract..", "org.vigil.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(APP, "org.vigil.store..", "org.vigil.search.."))
        .check(VIGIL);
  }

  @Test
  void theCoreKnowsNothingOfTheHeavyModules() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.vigil.model..",
            "org.vigil.access..",
            "org.vigil.audit..",
            "org.vigil.resolve..",
            "org.vigil.names..",
            "org.vigil.lists..",
            "org.vigil.screening..",
            "org.vigil.graph..",
            "org.vigil.claims..",
            "org.vigil.exchange..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(
                APP,
                "org.vigil.store..",
                "org.vigil.search..",
                "org.vigil.extract..",
                "org.vigil.ingest..",
                "java.sql..",
                "org.apache.lucene..",
                "io.javalin.."))
        .check(VIGIL);
  }

  @Test
  void theAttachmentCleanerKnowsNothingOfStoreOrSurfaces() {
    // The tip intake calls it; it takes bytes and gives bytes back, and never stores or serves.
    noClasses()
        .that()
        .resideInAPackage("org.vigil.tips.attachments..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(APP, "org.vigil.web..", "org.vigil.store..", "org.vigil.search..", "java.sql.."))
        .check(VIGIL);
  }

  @Test
  void httpHandlersReachTheDatabaseOnlyThroughTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vigil.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.h2..", "org.postgresql..", "org.apache.lucene..")
        .check(VIGIL);
  }

  @Test
  void packagesAreCutByFeatureNotByLayer() {
    Set<String> offenders = new TreeSet<>();
    for (JavaClass c : VIGIL) {
      for (String part : c.getPackageName().split("\\.")) {
        if (BANNED_PACKAGE_WORDS.contains(part.toLowerCase(Locale.ROOT))) {
          offenders.add(c.getPackageName());
        }
      }
    }
    assertThat(offenders).as("packages named after a layer or a grab-bag").isEmpty();
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    Set<String> missing = new TreeSet<>();
    for (JavaClass c : VIGIL) {
      String pkg = c.getPackageName();
      if (!VIGIL.contain(pkg + ".package-info")) {
        missing.add(pkg);
      }
    }
    assertThat(missing).as("packages without a package-info.java").isEmpty();
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
