package io.proofline.proofing.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import io.proofline.analytics.JourneyBuckets;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.journey.ProcessIds.Variables;

/**
 * Tells the analysts' buckets ({@link JourneyBuckets}) how journeys move, as they move: a parse listener gives every
 * model, as the engine reads it, a built-in execution listener on the process itself (a journey entered, completed or
 * cancelled), on every activity's start and end (entered; completed, cancelled, or a check's outcome) and on every
 * sequence flow (taken). Built-in listeners run in the engine's own transaction, before any listener of the model,
 * and are not skipped by a modification that skips custom listeners.
 *
 * <p>Why listeners and not a history event handler: the history has no event for a sequence flow taken, and a
 * handler would see each event at the history level's whim; the listeners see exactly the model's movements, at any
 * history level. Each event is an increment in memory; {@link JourneyBuckets} writes a transaction's increments in
 * one batch before it commits (one upsert per distinct bucket).
 *
 * <p>What a check's end counts: its outcome variable as the delegate just wrote it (PASS, FAIL, VENDOR_ERROR), only
 * those values (anything else: completed). Never a variable's other content, never PII: element ids and outcomes.
 */
@Component
class JourneyBucketPlugin extends AbstractProcessEnginePlugin {

    /** The checks, with the variable each writes its {@link Outcome} into. */
    static final Map<String, String> CHECKS = Map.of(
            Activities.AUTHENTICATE_DOCUMENT, Variables.DOCUMENT_CHECK,
            Activities.VALIDATE_CERTIFICATE, Variables.CERTIFICATE_CHECK,
            Activities.RESOLVE_IDENTITY, Variables.RESOLUTION_CHECK,
            Activities.CONFIRM_WITH_STATE_DMV, Variables.RESOLUTION_CHECK,
            Activities.MATCH_CERTIFICATE_NAME, Variables.RESOLUTION_CHECK,
            Activities.CHECK_PHONE_RECORDS, Variables.PHONE_CHECK,
            Activities.SEND_ONE_TIME_CODE, Variables.CODE_DELIVERY);

    private static final Set<String> OUTCOMES = Set.of(Outcome.PASS.name(), Outcome.FAIL.name(),
            Outcome.VENDOR_ERROR.name());

    private final JourneyBuckets buckets;

    JourneyBucketPlugin(JourneyBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new Movements());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class Movements extends AbstractBpmnParseListener {
        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
            for (ProcessDefinitionEntity process : processDefinitions) {
                String key = process.getKey();
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, new Count(key, null));
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, new Count(key, null));
                listenTo(process);
            }
        }

        private void listenTo(ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                Count count = new Count(activity.getId(), CHECKS.get(activity.getId()));
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, count);
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, count);
                for (org.camunda.bpm.engine.impl.pvm.PvmTransition outgoing : activity.getOutgoingTransitions()) {
                    TransitionImpl flow = (TransitionImpl) outgoing;
                    flow.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, new Count(flow.getId(), null));
                }
                listenTo(activity);
            }
        }
    }

    /** One element's events; its outcome variable when it is a check. */
    private final class Count implements ExecutionListener {
        private final String elementId;
        private final String outcomeVariable;

        Count(String elementId, String outcomeVariable) {
            this.elementId = elementId;
            this.outcomeVariable = outcomeVariable;
        }

        @Override
        public void notify(DelegateExecution execution) {
            ProcessDefinitionEntity definition = ((ExecutionEntity) execution).getProcessDefinition();
            buckets.count(definition.getKey(), definition.getVersion(), elementId, outcome(execution));
        }

        private String outcome(DelegateExecution execution) {
            return switch (execution.getEventName()) {
                case EVENTNAME_START -> JourneyBuckets.ENTERED;
                case EVENTNAME_TAKE -> JourneyBuckets.TAKEN;
                default -> {
                    if (execution.isCanceled()) {
                        yield JourneyBuckets.CANCELLED;
                    }
                    Object value = outcomeVariable == null ? null : execution.getVariable(outcomeVariable);
                    yield value != null && OUTCOMES.contains(value.toString()) ? value.toString() : JourneyBuckets.COMPLETED;
                }
            };
        }
    }
}
