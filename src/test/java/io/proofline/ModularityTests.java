package io.proofline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The modules (each top-level package of {@code io.proofline}) form no cycle and use one another only through
 * their public surface; only {@code proofing.process} imports Camunda. The module diagram in
 * {@code docs/modules/} is written from the code by each run.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ProoflineApplication.class);

    @Test
    void theModulesFormNoCycleAndUseOnlyEachOthersPublicSurface() {
        MODULES.verify();
    }

    @Test
    void onlyTheProcessPackageImportsCamunda() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proofline");
        noClasses().that().resideOutsideOfPackage("io.proofline.proofing.process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine stays behind the JourneyEngine port, in one package")
                .check(main);
    }

    @Test
    void theModuleDiagramIsWrittenIntoTheDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.C4))
                .writeModuleCanvases();
    }
}
