const { extensions, isAutomated } = require('./support');

/** Every automated step starts in a job of its own (asyncBefore) and says how often it is retried before an incident. */
module.exports = function() {
  function check(node, reporter) {
    if (!isAutomated(node)) {
      return;
    }
    if (!node.asyncBefore) {
      reporter.report(node.id, 'Automated task is not asyncBefore');
    }
    const cycles = extensions(node, 'camunda:FailedJobRetryTimeCycle');
    if (cycles.length === 0 || !(cycles[0].body || '').trim()) {
      reporter.report(node.id, 'Automated task has no failedJobRetryTimeCycle');
    }
  }
  return { check };
};
