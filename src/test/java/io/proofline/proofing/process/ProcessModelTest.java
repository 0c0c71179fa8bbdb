package io.proofline.proofing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.proofline.journey.ProcessIds;

/** Model checks over every file in bpmn/: the rules in {@link BpmnModelRules}, and the id constants. */
class ProcessModelTest {

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<Path> bpmn = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).isNotEmpty();
            return bpmn.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelKeepsTheHouseRules(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        assertThat(BpmnModelRules.violations(model)).as(file.toString()).isEmpty();
    }

    @Test
    void theRulesCatchABadModel() {
        BpmnModelInstance bad = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="bad" isExecutable="true">
                    <startEvent id="start" name="Start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="call" />
                    <serviceTask id="call" name="call" camunda:expression="${true}" />
                    <sequenceFlow id="f2" sourceRef="call" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>""".getBytes(StandardCharsets.UTF_8)));

        assertThat(BpmnModelRules.violations(bad)).containsExactlyInAnyOrder(
                "bad: no history time-to-live", "bad: process has no name",
                "start: not laid out in the diagram", "call: no readable name", "call: not laid out in the diagram",
                "end: no readable name", "end: not laid out in the diagram",
                "f1: sequence flow not laid out in the diagram", "f2: sequence flow not laid out in the diagram",
                "call: no documentation citing the rule it implements",
                "call: automated task is not asyncBefore", "call: no failedJobRetryTimeCycle");
    }

    @Test
    void everyIdConstantNamesAnElementOfSomeModel() throws Exception {
        Set<String> ids = models().map(f -> Bpmn.readModelFromFile(f.toFile()))
                .flatMap(m -> Stream.concat(m.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId),
                        m.getModelElementsByType(Process.class).stream().map(Process::getId)))
                .collect(Collectors.toSet());

        for (Class<?> group : List.of(ProcessIds.Processes.class, ProcessIds.Activities.class)) {
            for (Field field : group.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    assertThat(ids).as(group.getSimpleName() + "." + field.getName())
                            .contains((String) field.get(null));
                }
            }
        }
    }
}
