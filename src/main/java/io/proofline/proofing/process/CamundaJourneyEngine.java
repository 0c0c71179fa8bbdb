package io.proofline.proofing.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.StaleStepException;

@Component
class CamundaJourneyEngine implements JourneyEngine {

    /** What every step reads besides its check: whether it is locked, until when, and the attempts left. */
    private static final List<String> LOCK_VARIABLES = List.of(ProcessIds.Variables.LOCKED,
            ProcessIds.Variables.LOCKED_UNTIL, ProcessIds.Variables.ATTEMPTS_REMAINING);

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
                .map(HistoricProcessInstance::getEndActivityId).filter(Objects::nonNull).findFirst();
    }

    @Override
    public Optional<Object> variable(JourneyId journey, String name) {
        List<String> instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString()).list().stream().map(instance -> instance.getId())
                .toList();
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(name).list().stream().map(variable -> variable.getValue()).filter(Objects::nonNull)
                .findFirst();
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
            return JourneyStep.of(JourneyStep.Kind.ENDED, null);
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
            } catch (NullValueException completedMeanwhile) {
                throw new StaleStepException(journey, stepId);
            } catch (NullPointerException treeChangedMeanwhile) {
                // Two posts completing one task at once: the later one can read the execution tree as the earlier
                // left it, a scope already gone, and the engine fails on it with a bare NullPointerException
                // ("getParent() is null") instead of an OptimisticLockingException. Nothing was written; ask again
                // (the task is then gone: a stale form, shown the current step, not a 500).
                if (attempt == 3) {
                    throw new StaleStepException(journey, stepId);
                }
            }
        }
    }

    @Override
    public void cancel(JourneyId journey, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString()).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
    }

    @Override
    public void erase(JourneyId journey) {
        // The called processes carry the journey's business key too (bpmn/identity-proofing.bpmn), so one query finds
        // them all, whatever their definition.
        List<String> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(journey.toString()).list().stream().map(HistoricProcessInstance::getId)
                .toList();
        if (!instances.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(instances);
        }
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
        // null between two activities (a check queued, not yet picked up): nothing is shown again then
        ProcessIds.CheckVariables shown = activityId == null ? null : ProcessIds.CHECK_SHOWN_AT.get(activityId);
        List<String> names = new ArrayList<>(LOCK_VARIABLES);
        if (shown != null) {
            names.add(shown.outcome());
            names.add(shown.reasons() == null ? shown.outcome() : shown.reasons());
        }
        // A query, not runtime.getVariables: reading through the execution can flush an update of it and
        // then collide with the job executor moving the same journey on.
        Map<String, Object> variables = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableNameIn(names.toArray(String[]::new)).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        Date lockedUntil = Boolean.TRUE.equals(variables.get(ProcessIds.Variables.LOCKED))
                ? (Date) variables.get(ProcessIds.Variables.LOCKED_UNTIL) : null;
        return new JourneyStep(kind, activityId, lockedUntil == null ? null : lockedUntil.toInstant(),
                (Integer) variables.get(ProcessIds.Variables.ATTEMPTS_REMAINING), check(shown, variables));
    }

    private static JourneyStep.Check check(ProcessIds.CheckVariables shown, Map<String, Object> variables) {
        Object outcome = shown == null ? null : variables.get(shown.outcome());
        if (outcome == null) {
            return null;
        }
        Object reasons = shown.reasons() == null ? null : variables.get(shown.reasons());
        return new JourneyStep.Check(ProcessIds.Outcome.valueOf(outcome.toString()),
                ReasonCodes.decode(reasons == null ? null : reasons.toString()));
    }
}
