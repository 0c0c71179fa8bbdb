package io.proofline.proofing.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.proofline.journey.ProcessIds;

/**
 * Drives a model on the in-memory engine the way the job executor would: every async continuation and
 * every due timer runs, nothing else. Time is the engine clock, started at a fixed instant.
 */
abstract class ProcessTestSupport {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    FakeProofingServices services;

    abstract ProcessEngine processEngine();

    @BeforeEach
    void startEngineScenario() {
        BpmnAwareTests.init(processEngine());
        ClockUtil.setCurrentTime(Date.from(T0));
        services = new FakeProofingServices().register();
    }

    @AfterEach
    void resetEngineScenario() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start(String processKey, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        String journey = UUID.randomUUID().toString();
        vars.put(ProcessIds.Variables.JOURNEY_ID, journey);
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(processKey, journey, vars);
        runDueJobs();
        return instance;
    }

    /** Executes async continuations and due timers until the instance waits for a person or the clock. */
    static void runDueJobs() {
        for (int round = 0; round < 500; round++) {
            List<Job> due = managementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                managementService().executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep coming: the model loops without a wait state");
    }

    /** Completes the person's current task, which must be {@code activityId}, then runs what follows. */
    static void complete(ProcessInstance root, String activityId, Object... variables) {
        Task task = taskService().createTaskQuery().processInstanceBusinessKey(root.getBusinessKey())
                .taskDefinitionKey(activityId).singleResult();
        assertThat(task).as("waiting at " + activityId).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        taskService().complete(task.getId(), vars);
        runDueJobs();
    }

    /** The ids of the activities the journey (root or any called process) is waiting in. */
    static List<String> waitingAt(ProcessInstance root) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(root.getBusinessKey()).list()
                .stream().flatMap(instance -> runtimeService().getActiveActivityIds(instance.getId()).stream())
                .toList();
    }

    static void advanceClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
        runDueJobs();
    }

    static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
