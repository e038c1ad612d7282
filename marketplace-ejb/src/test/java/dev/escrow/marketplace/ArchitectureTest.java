package dev.escrow.marketplace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The marketplace's packages depend on each other without cycles, the domain on nothing outside
 * itself, and the application on no infrastructure: the bank, the queues, the mail and the callback
 * secret are ports of the application ({@code application.bank}, ...), implemented in the
 * infrastructure.
 */
class ArchitectureTest {

  static final JavaClasses MARKETPLACE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.escrow.marketplace");

  @Test
  void thePackagesAreFreeOfCycles() {
    slices().matching("dev.escrow.marketplace.(**)").should().beFreeOfCycles().check(MARKETPLACE);
  }

  @Test
  void theDomainDependsOnNeitherTheApplicationNorTheInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("dev.escrow.marketplace.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.escrow.marketplace.application..", "dev.escrow.marketplace.infrastructure..")
        .check(MARKETPLACE);
  }

  @Test
  void theApplicationReachesTheOutsideOnlyThroughItsPorts() {
    noClasses()
        .that()
        .resideInAPackage("dev.escrow.marketplace.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.escrow.marketplace.infrastructure..")
        .check(MARKETPLACE);
  }
}
