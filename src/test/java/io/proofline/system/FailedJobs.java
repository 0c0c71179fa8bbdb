package io.proofline.system;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.proofline.journey.JourneyId;

/** A failed job to show an operator: the letter step of a journey that does not exist fails on every try. */
final class FailedJobs {

    private FailedJobs() {
    }

    static ProcessInstance letterForNobody(ProcessEngine engine) {
        return engine.getRuntimeService().startProcessInstanceByKey("letter-verification", JourneyId.random().toString());
    }

    /** Waits for the job executor's first try to fail (the engine then schedules the next one). */
    static Job failedOnce(ProcessEngine engine, String processInstance) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(processInstance).singleResult();
            if (job != null && job.getExceptionMessage() != null) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the letter step never failed");
    }
}
