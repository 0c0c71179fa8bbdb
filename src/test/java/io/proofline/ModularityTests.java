package io.proofline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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
    void theModuleDiagramIsWrittenIntoTheDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.C4))
                .writeModuleCanvases();

        // The same dependencies as a Mermaid chart inside docs/architecture.md, which GitHub draws as it is.
        Path architecture = Path.of("docs/architecture.md");
        String page = Files.readString(architecture);
        int begin = page.indexOf(DIAGRAM_BEGIN);
        int end = page.indexOf(DIAGRAM_END);
        assertThat(begin).as("the diagram's place in docs/architecture.md").isNotNegative().isLessThan(end);
        Files.writeString(architecture, page.substring(0, begin + DIAGRAM_BEGIN.length()) + "\n" + mermaid()
                + page.substring(end));
    }

    static final String DIAGRAM_BEGIN = "<!-- module diagram: written by ModularityTests -->";
    static final String DIAGRAM_END = "<!-- end of the module diagram -->";

    /** Each module, and an arrow to every module it uses directly (code, beans or events). */
    private static String mermaid() {
        StringBuilder chart = new StringBuilder("```mermaid\nflowchart TD\n");
        MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> module
                .getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).sorted()
                .forEach(used -> chart.append("  ").append(module.getName()).append(" --> ").append(used)
                        .append('\n')));
        return chart.append("```\n").toString();
    }
}
