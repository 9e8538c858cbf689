/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * vigil-core stays light: the JDK, ICU4J, Jackson and JGraphT, nothing heavier (ARCHITECTURE.md),
 * and one library on Jackson: networknt's JSON Schema validator (with its small time and YAML
 * readers), which checks each imported STIX object against the OASIS schemas where the STIX reader
 * lives ({@code org.vigil.stix.StixSchemas}; about 1 MB with its dependencies).
 */
class CoreDependenciesTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vigil");

  @Test
  void coreDependsOnlyOnTheJdkAndLightLibraries() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.xml..",
            "javax.crypto..",
            "org.w3c.dom..",
            "org.xml.sax..",
            "javax.annotation..",
            "org.vigil..",
            "com.ibm.icu..",
            "com.fasterxml.jackson..",
            "com.networknt.schema..",
            "org.jgrapht..",
            "org.jheaps..")
        .check(CORE);
  }

  @Test
  void coreNeverReachesIntoStoreOrApp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.vigil.store..", "org.vigil.search..", "org.vigil.http..", "org.vigil.cli..")
        .check(CORE);
  }

  @Test
  void domainRecordsCarryNoJacksonAnnotations() {
    noClasses()
        .that()
        .resideInAPackage("org.vigil.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson.annotation..")
        .check(CORE);
  }
}
