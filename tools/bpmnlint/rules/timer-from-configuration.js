const { is } = require('bpmnlint-utils');
const { extensions, isAutomated, isExpression } = require('./support');

/**
 * A wait or a retry schedule is a policy number: it comes from configuration through an expression
 * (${proofingPolicy...}, ${lockedUntil}), never a literal such as PT24H or R3/PT5M written into the model.
 */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:TimerEventDefinition')) {
      for (const property of [ 'timeDate', 'timeDuration', 'timeCycle' ]) {
        const value = node[property];
        if (value && !isExpression(value.body)) {
          reporter.report(timerOwner(node) || node.id, `Timer ${ property } <${ value.body }> is a literal, not an expression bound to configuration`);
        }
      }
    }
    if (isAutomated(node)) {
      for (const cycle of extensions(node, 'camunda:FailedJobRetryTimeCycle')) {
        if ((cycle.body || '').trim() && !isExpression(cycle.body)) {
          reporter.report(node.id, `Retry cycle <${ cycle.body }> is a literal, not an expression bound to configuration`);
        }
      }
    }
  }
  return { check };
};

function timerOwner(definition) {
  return definition.$parent && definition.$parent.id;
}
