package io.proofline.proofing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traceability check: docs/policy/register.yml against the seeds, the models in bpmn/, application.yml and the
 * tests, and docs/policy-register.md against what the yml renders (-Dproofline.register.write=true rewrites it).
 */
class PolicyRegisterTest {

    static PolicyRegister register;

    @BeforeAll
    static void read() throws IOException {
        register = PolicyRegister.read(PolicyRegister.FILE);
    }

    @Test
    void everyRuleHasAWellFormedIdOfItsSeed() {
        assertThat(register.idProblems()).isEmpty();
    }

    @Test
    void everyRuleQuotesItsSeedWordForWord() throws IOException {
        assertThat(register.wordProblems(PolicyRegister.seedTexts(register, PolicyRegister.SEEDS))).isEmpty();
    }

    @Test
    void everyNumberedStepOfSeed004OnBothPathsIsARule() throws IOException {
        String seed004 = PolicyRegister.seedTexts(register, PolicyRegister.SEEDS).get("004");

        assertThat(seed004).contains("Identity proofing with a state-issued ID", "Identity proofing with a government employee ID");
        assertThat(register.seed004CoverageProblems(seed004)).isEmpty();
    }

    @Test
    void everyRuleNamesWhatImplementsItAndATest() {
        assertThat(register.completenessProblems()).isEmpty();
    }

    @Test
    void theModelsAndTheRegisterNameTheSameElementsForEachRule() throws IOException {
        assertThat(register.modelProblems(PolicyRegister.models(PolicyRegister.MODELS))).isEmpty();
    }

    @Test
    void everyConfigurationKeyIsInApplicationYml() throws IOException {
        assertThat(register.configurationProblems(PolicyRegister.configurationKeys(PolicyRegister.CONFIGURATION))).isEmpty();
    }

    @Test
    void everyComponentIsAClassOfTheService() {
        assertThat(register.componentProblems()).isEmpty();
    }

    @Test
    void everyTestNamedIsATestMethodOfItsClass() throws IOException {
        assertThat(register.testProblems(PolicyRegister.TEST_SOURCES)).isEmpty();
    }

    @Test
    void theCommittedPageIsWhatTheRegisterRenders() throws IOException {
        String rendered = register.markdown();
        if (Boolean.getBoolean("proofline.register.write")) {
            Files.writeString(PolicyRegister.RENDERED, rendered);
        }
        assertThat(PolicyRegister.RENDERED).as("docs/policy-register.md: rerun with -Dproofline.register.write=true")
                .exists();
        assertThat(Files.readString(PolicyRegister.RENDERED))
                .as("docs/policy-register.md is stale: rerun with -Dproofline.register.write=true").isEqualTo(rendered);
    }

    /** The check itself: a renamed test, a task that implements no rule, and an element that forgot its rule. */
    @Test
    void theCheckCatchesARenamedTestAnUntracedTaskAndAModelThatDisagrees() throws IOException {
        PolicyRegister broken = PolicyRegister.parse("""
                seeds:
                  "004": {file: 004_2c3f9cb12eb8fe2c.txt, title: How Identity Proofing Works}
                rules:
                  - id: 004-state-id-5
                    seed: "004"
                    words: "5. The user enters their SSN. (Fair Evidence)"
                    elements:
                      t: [EnterSsn, Missing]
                    configuration: [proofline.throttle.document.attempts]
                    components: [io.proofline.NoSuchComponent]
                    tests: [StateIdVerificationProcessTest.anAcceptedIdLeadsToTheSsn, NoSuchTest.anything]
                  - id: 004-state-id-3
                    seed: "004"
                    words: "3. The user takes a selfie, quickly."
                """);
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="t" isExecutable="true">
                    <userTask id="EnterSsn" name="Enter your SSN" />
                    <userTask id="Untraced" name="Untraced">
                      <extensionElements><camunda:properties>
                        <camunda:property name="rule" value="004-state-id-9" />
                      </camunda:properties></extensionElements>
                    </userTask>
                    <exclusiveGateway id="NoRule" />
                  </process>
                </definitions>""".getBytes(StandardCharsets.UTF_8)));

        assertThat(broken.testProblems(PolicyRegister.TEST_SOURCES)).containsExactly(
                "004-state-id-5: StateIdVerificationProcessTest has no test method anAcceptedIdLeadsToTheSsn",
                "004-state-id-5: no test class NoSuchTest in src/test/java");
        assertThat(broken.modelProblems(Map.of("t", model))).containsExactlyInAnyOrder(
                "004-state-id-5: t/EnterSsn does not carry it (camunda:property rule)",
                "004-state-id-5: t has no element Missing",
                "t/EnterSsn: implements no rule of the register",
                "t/Untraced: carries 004-state-id-9, which the register lacks",
                "t/NoRule: implements no rule of the register");
        assertThat(broken.completenessProblems()).containsExactly(
                "004-state-id-3: names no BPMN element and no component that implements it",
                "004-state-id-3: names no test that proves it");
        assertThat(broken.configurationProblems(PolicyRegister.configurationKeys(PolicyRegister.CONFIGURATION)))
                .containsExactly("004-state-id-5: configuration key proofline.throttle.document.attempts is not in application.yml");
        assertThat(broken.componentProblems()).containsExactly("004-state-id-5: no component io.proofline.NoSuchComponent");
        assertThat(broken.wordProblems(PolicyRegister.seedTexts(broken, PolicyRegister.SEEDS))).containsExactly(
                "004-state-id-3: words not found in seed 004_2c3f9cb12eb8fe2c.txt: \"3. The user takes a selfie, quickly.\"");
    }
}
