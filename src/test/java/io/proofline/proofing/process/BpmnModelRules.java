package io.proofline.proofing.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

/**
 * The house rules every Proofline model must keep, so that what runs is also what a reviewer can read:
 * a history time-to-live, every automated task async with an explicit retry cycle, every element named
 * (joins excepted) and drawn, and every activity documented with the seed rule it implements.
 */
final class BpmnModelRules {

    private BpmnModelRules() {
    }

    static List<String> violations(BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(process.getId() + ": no history time-to-live");
            }
            if (isBlank(process.getName())) {
                violations.add(process.getId() + ": process has no name");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            // A join only merges paths: like bpmnlint's label-required, it needs no name (a label there would not help).
            boolean join = node instanceof Gateway && node.getOutgoing().size() == 1;
            if (!join && (isBlank(node.getName()) || node.getName().equals(node.getId()))) {
                violations.add(node.getId() + ": no readable name");
            }
            if (!drawn.contains(node.getId())) {
                violations.add(node.getId() + ": not laid out in the diagram");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!drawnFlows.contains(flow.getId())) {
                violations.add(flow.getId() + ": sequence flow not laid out in the diagram");
            }
        }
        for (Activity activity : model.getModelElementsByType(Activity.class)) {
            if (activity.getDocumentations().isEmpty()
                    || activity.getDocumentations().stream().allMatch(d -> isBlank(d.getTextContent()))) {
                violations.add(activity.getId() + ": no documentation citing the rule it implements");
            }
        }
        for (BaseElement task : automatedTasks(model)) {
            FlowNode node = (FlowNode) task;
            if (!node.isCamundaAsyncBefore()) {
                violations.add(task.getId() + ": automated task is not asyncBefore");
            }
            if (task.getExtensionElements() == null || task.getExtensionElements()
                    .getChildElementsByType(CamundaFailedJobRetryTimeCycle.class).isEmpty()) {
                violations.add(task.getId() + ": no failedJobRetryTimeCycle");
            }
        }
        return violations;
    }

    private static List<BaseElement> automatedTasks(BpmnModelInstance model) {
        List<BaseElement> tasks = new ArrayList<>();
        for (Class<? extends BaseElement> type : List.of(ServiceTask.class, SendTask.class, BusinessRuleTask.class,
                ScriptTask.class, CallActivity.class)) {
            Collection<? extends BaseElement> found = model.getModelElementsByType(type);
            tasks.addAll(found);
        }
        return tasks;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
