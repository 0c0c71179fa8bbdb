package io.proofline.proofing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.proofline.address.AddressFailure;
import io.proofline.documents.DocumentFailure;
import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.StepView;
import io.proofline.pivcac.PivCacFailure;
import io.proofline.resolution.DmvFailure;
import io.proofline.resolution.ResolutionFailure;

/**
 * Every person's step of the models has its page, in the feature that owns it, with its template; every reason a
 * check gives has its advice in both languages, and a refused SSN is never named alone.
 */
@SpringBootTest
class WizardStepIdsTest {

    @Autowired StepPages pages;
    @Autowired List<StepView> views;

    @Test
    void everyUserTaskOfTheModelsHasItsStepPageAndTemplate() throws IOException {
        Set<String> userTasks;
        try (var models = Files.list(Path.of("bpmn"))) {
            userTasks = models.filter(model -> model.toString().endsWith(".bpmn"))
                    .flatMap(model -> Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)
                            .stream().map(UserTask::getId))
                    .collect(Collectors.toSet());
        }
        assertThat(userTasks).isNotEmpty();
        assertThat(pages.stepIds()).containsExactlyInAnyOrderElementsOf(userTasks);
        assertThat(views).allSatisfy(view -> assertThat(
                Path.of("src/main/resources/templates", view.template() + ".html")).as(view.stepId()).exists());
        assertThat(ProcessIds.CHECK_SHOWN_AT.keySet()).as("a step shown again after a check has a page")
                .allSatisfy(step -> assertThat(pages.stepIds()).contains(step));
    }

    @Test
    void everyReasonAStepExplainsHasAdviceInEnglishAndFrench() {
        Properties english = bundle("messages.properties");
        Properties french = bundle("messages_fr.properties");
        List<FailureReason> explained = views.stream().flatMap(view -> view.explains().stream())
                .map(FailureReason.class::cast).toList();
        assertThat(explained).as("the document, card, resolution, state and phone refusals")
                .contains(DocumentFailure.values()).contains(PivCacFailure.values())
                .contains(ResolutionFailure.values()).contains(DmvFailure.values())
                .contains(AddressFailure.PHONE_NOT_TIED_TO_PERSON, AddressFailure.NOT_A_US_NUMBER,
                        AddressFailure.CODE_UNDELIVERABLE);
        assertThat(explained)
                .allSatisfy(reason -> assertThat(english).as(reason.code()).containsKey(reason.messageKey()))
                .allSatisfy(reason -> assertThat(french).as(reason.code()).containsKey(reason.messageKey()));
    }

    @Test
    void adviceIsGivenOnceEachInTheReasonsOrderAndNeverForTheSsnAlone() {
        assertThat(FailureReason.messageKeys(List.of("SSN_UNVERIFIED"), List.of(ResolutionFailure.values())))
                .as("never the SSN alone").containsExactly("verify.advice.detailsTogether");
        assertThat(FailureReason.messageKeys(List.of("IMAGE_GLARE", " FACE_MISMATCH", "IMAGE_GLARE", "SOMETHING_NEW"),
                List.of(DocumentFailure.values())))
                .containsExactly("verify.advice.IMAGE_GLARE", "verify.advice.FACE_MISMATCH");
        assertThat(FailureReason.messageKeys(List.of(), List.of(DocumentFailure.values()))).isEmpty();
    }

    private static Properties bundle(String name) {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
