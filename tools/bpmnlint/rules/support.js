const { is, isAny } = require('bpmnlint-utils');

/** The camunda extension elements of a type, e.g. 'camunda:Properties'. */
function extensions(node, type) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(value => is(value, type));
}

/** Tasks (call activities included) and gateways: the elements a reviewer reads as decisions and steps. */
function isStepOrDecision(node) {
  return isAny(node, [ 'bpmn:Task', 'bpmn:CallActivity', 'bpmn:Gateway' ]);
}

/** Steps run by the job executor rather than by a person (as ProcessModelTest's BpmnModelRules counts them). */
function isAutomated(node) {
  return isAny(node, [
    'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask', 'bpmn:CallActivity'
  ]);
}

/** A value taken from configuration at run time: one whole ${...} expression, not a literal. */
function isExpression(text) {
  return /^\s*\$\{[^}]+\}\s*$/.test(text || '');
}

module.exports = { extensions, isStepOrDecision, isAutomated, isExpression };
