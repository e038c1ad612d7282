package dev.escrow.bank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bank's packages depend on each other without cycles, and its domain on neither the
 * application nor the infrastructure (the marketplace's ArchitectureTest holds the same rules).
 */
class ArchitectureTest {

  static final JavaClasses BANK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.escrow.bank");

  @Test
  void thePackagesAreFreeOfCycles() {
    slices().matching("dev.escrow.bank.(**)").should().beFreeOfCycles().check(BANK);
  }

  @Test
  void theDomainDependsOnNeitherTheApplicationNorTheInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("dev.escrow.bank.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.escrow.bank.application..", "dev.escrow.bank.infrastructure..")
        .check(BANK);
  }
}
