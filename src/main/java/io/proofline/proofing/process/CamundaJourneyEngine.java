package io.proofline.proofing.process;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.proofline.proofing.JourneyEngine;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.JourneyStep;
import io.proofline.proofing.StaleStepException;

@Component
class CamundaJourneyEngine implements JourneyEngine {

    /** Outcomes of the checks, and the reason codes of the failures a person can act on. */
    private static final List<String> OUTCOME_VARIABLES = List.of(ProcessIds.Variables.DOCUMENT_CHECK,
            ProcessIds.Variables.DOCUMENT_FAILURE_REASONS, ProcessIds.Variables.CERTIFICATE_CHECK,
            ProcessIds.Variables.CERTIFICATE_FAILURE_REASONS, ProcessIds.Variables.RESOLUTION_CHECK,
            ProcessIds.Variables.RESOLUTION_FAILURE_REASONS,
            ProcessIds.Variables.PHONE_CHECK, ProcessIds.Variables.PHONE_FAILURE_REASONS,
            ProcessIds.Variables.CODE_DELIVERY, ProcessIds.Variables.CODE_DELIVERY_FAILURE_REASONS,
            ProcessIds.Variables.ONE_TIME_CODE_CHECK,
            ProcessIds.Variables.LETTER_CODE_CHECK);

    private static final List<String> STEP_VARIABLES = java.util.stream.Stream.concat(OUTCOME_VARIABLES.stream(),
            java.util.stream.Stream.of(ProcessIds.Variables.LOCKED, ProcessIds.Variables.LOCKED_UNTIL,
                    ProcessIds.Variables.ATTEMPTS_REMAINING)).toList();

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;

    CamundaJourneyEngine(RuntimeService runtime, TaskService tasks, ManagementService management,
            HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.history = history;
    }

    @Override
    public String startJourney(JourneyId journey) {
        return runtime.startProcessInstanceByKey(ProcessIds.Processes.IDENTITY_PROOFING, journey.toString(),
                Map.of(ProcessIds.Variables.JOURNEY_ID, journey.toString())).getId();
    }

    @Override
    public boolean isRunning(JourneyId journey) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString())
                .count() > 0;
    }

    @Override
    public Optional<String> endEvent(JourneyId journey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString()).finished().list().stream()
                .filter(instance -> instance.getDeleteReason() == null) // abandoned: deleted, at no end event
                .map(instance -> instance.getEndActivityId()).filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public JourneyStep currentStep(JourneyId journey) {
        try {
            return readCurrentStep(journey);
        } catch (NullValueException movedOnMeanwhile) {
            // An instance found by the first query ended (the journey finished, a called model returned) before
            // its variables were read: a page polling while the journey ends saw this. Read the new state.
            return readCurrentStep(journey);
        }
    }

    private JourneyStep readCurrentStep(JourneyId journey) {
        // The journey and every model it called share the business key; the newest instance is the innermost.
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(journey.toString()).list();
        if (instances.isEmpty()) {
            return new JourneyStep(JourneyStep.Kind.ENDED, null, null, null, Map.of());
        }
        // Jobs first, then the task: these are separate reads, and a job that creates a person's step commits
        // the step and its timers together. Read the other way round, a commit between the two reads showed a
        // step's boundary timer without the step itself (a "waiting" page while the person could act).
        List<Job> jobs = instances.stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).list().stream())
                .toList();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(journey.toString()).singleResult();
        if (task != null) {
            return step(JourneyStep.Kind.TASK, task.getTaskDefinitionKey(), task.getProcessInstanceId());
        }
        for (Job job : jobs) {
            if (job.getRetries() == 0) {
                return step(JourneyStep.Kind.UNAVAILABLE, job);
            }
        }
        for (Job job : jobs) {
            if (!isTimer(job)) {
                return step(JourneyStep.Kind.CHECKING, job);
            }
        }
        return jobs.isEmpty()
                ? step(JourneyStep.Kind.CHECKING, null, instances.get(0).getId())
                : step(JourneyStep.Kind.WAITING, jobs.get(0));
    }

    @Override
    public void completeStep(JourneyId journey, String stepId, Map<String, Object> variables) {
        // The engine's own jobs may touch the journey at the same moment; a collision is retried, as Camunda
        // asks of API callers. When the step is gone meanwhile, another tab completed it: the form is stale.
        for (int attempt = 1; ; attempt++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(journey.toString())
                    .taskDefinitionKey(stepId).singleResult();
            if (task == null) {
                throw new StaleStepException(journey, stepId);
            }
            try {
                tasks.complete(task.getId(), variables);
                return;
            } catch (OptimisticLockingException collision) {
                if (attempt == 3) {
                    throw new StaleStepException(journey, stepId);
                }
            } catch (org.camunda.bpm.engine.exception.NullValueException completedMeanwhile) {
                throw new StaleStepException(journey, stepId);
            }
        }
    }

    @Override
    public void cancel(JourneyId journey, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString()).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
    }

    private boolean isTimer(Job job) {
        return definitionOf(job).getJobType().startsWith("timer");
    }

    private JobDefinition definitionOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    }

    private JourneyStep step(JourneyStep.Kind kind, Job job) {
        return step(kind, definitionOf(job).getActivityId(), job.getProcessInstanceId());
    }

    private JourneyStep step(JourneyStep.Kind kind, String activityId, String processInstanceId) {
        // A query, not runtime.getVariables: reading through the execution can flush an update of it and
        // then collide with the job executor moving the same journey on.
        Map<String, Object> variables = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableNameIn(STEP_VARIABLES.toArray(String[]::new)).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        Map<String, String> outcomes = new HashMap<>();
        for (String name : OUTCOME_VARIABLES) {
            if (variables.get(name) != null) {
                outcomes.put(name, variables.get(name).toString());
            }
        }
        Date lockedUntil = Boolean.TRUE.equals(variables.get(ProcessIds.Variables.LOCKED))
                ? (Date) variables.get(ProcessIds.Variables.LOCKED_UNTIL) : null;
        return new JourneyStep(kind, activityId, lockedUntil == null ? null : lockedUntil.toInstant(),
                (Integer) variables.get(ProcessIds.Variables.ATTEMPTS_REMAINING), Map.copyOf(outcomes));
    }
}
