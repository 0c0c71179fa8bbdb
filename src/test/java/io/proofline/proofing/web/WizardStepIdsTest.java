package io.proofline.proofing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.proofline.proofing.process.ProcessIds;

/**
 * The wizard repeats the engine's step ids so that the web side does not depend on the engine's package:
 * here the two are held together, and every step the wizard knows has its page.
 */
class WizardStepIdsTest {

    @Test
    void everyStepIdOfTheWizardIsAnActivityOfTheProcesses() throws Exception {
        Set<String> activities = constants(ProcessIds.Activities.class).stream().collect(Collectors.toSet());
        assertThat(constants(Steps.class)).isNotEmpty().allSatisfy(step -> assertThat(activities).contains(step));
        Set<String> outcomes = constants(ProcessIds.Variables.class).stream().collect(Collectors.toSet());
        assertThat(Steps.OUTCOME_SHOWN_AT.values()).allSatisfy(name -> assertThat(outcomes).contains(name));
        assertThat(Steps.REASONS_SHOWN_AT.values()).allSatisfy(name -> assertThat(outcomes).contains(name));
    }

    @Test
    void everyReasonADocumentOrCardCheckCanGiveHasAdviceForThePerson() {
        assertThat(java.util.stream.Stream.concat(Arrays.stream(io.proofline.documents.DocumentFailure.values()),
                Arrays.stream(io.proofline.pivcac.PivCacFailure.values())))
                .allSatisfy(reason -> assertThat(FailureAdvice.hasAdviceFor(reason.code())).as(reason.code()).isTrue());
        assertThat(List.of(io.proofline.address.AddressFailure.PHONE_NOT_TIED_TO_PERSON,
                io.proofline.address.AddressFailure.NOT_A_US_NUMBER, io.proofline.address.AddressFailure.CODE_UNDELIVERABLE))
                .as("the phone's refusals").allSatisfy(reason -> assertThat(FailureAdvice.hasAdviceFor(reason.code())).isTrue());
        assertThat(java.util.stream.Stream.concat(Arrays.stream(io.proofline.resolution.ResolutionFailure.values()),
                Arrays.stream(io.proofline.resolution.DmvFailure.values())))
                .as("identity resolution's and the issuing state's refusals")
                .allSatisfy(reason -> assertThat(FailureAdvice.hasAdviceFor(reason.code())).as(reason.code()).isTrue());
        assertThat(FailureAdvice.messageKeys("SSN_UNVERIFIED")).as("never the SSN alone")
                .containsExactly("verify.advice.detailsTogether");
        assertThat(FailureAdvice.messageKeys("IMAGE_GLARE, FACE_MISMATCH,IMAGE_GLARE,SOMETHING_NEW"))
                .containsExactly("verify.advice.imageGlare", "verify.advice.faceMismatch");
        assertThat(FailureAdvice.messageKeys(null)).isEmpty();
    }

    @Test
    void everyPersonsStepHasItsTemplate() throws Exception {
        for (String step : constants(Steps.class)) {
            if (step.equals(Steps.TIME_TO_ASK_USPS) || step.equals(Steps.ENROLLMENT_DEADLINE)) {
                continue; // waits, shown by verify/in-person.html
            }
            assertThat(Path.of("src/main/resources/templates/verify", step + ".html")).as(step).satisfies(
                    path -> assertThat(Files.exists(path)).isTrue());
        }
    }

    private static List<String> constants(Class<?> type) throws IllegalAccessException {
        List<String> values = new java.util.ArrayList<>();
        for (Field field : Arrays.asList(type.getDeclaredFields())) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
