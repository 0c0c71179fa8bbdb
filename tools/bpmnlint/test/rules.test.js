// Proofline's own rules find each fault of test/bad.bpmn, and nothing else (run by mvn verify before the lint).
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

(async () => {
  const moddle = new BpmnModdle({ camunda: require('camunda-bpmn-moddle/resources/camunda.json') });
  const { rootElement } = await moddle.fromXML(readFileSync(path.join(__dirname, 'bad.bpmn'), 'utf8'));
  const linter = new Linter({ config: { extends: 'plugin:proofline/recommended' }, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  const found = Object.entries(reports)
    .flatMap(([ rule, items ]) => items.map(item => `${ rule } ${ item.id }: ${ item.message }`))
    .sort();
  assert.deepEqual(found, [
    'proofline/async-with-retry-cycle NoRuleNoAsync: Automated task has no failedJobRetryTimeCycle',
    'proofline/async-with-retry-cycle NoRuleNoAsync: Automated task is not asyncBefore',
    'proofline/rule-named BadRuleId: Rule id <step 4> is not of the form 004-state-id-4',
    'proofline/rule-named NoRuleNoAsync: Names no rule of the policy register (camunda:property name="rule")',
    'proofline/timer-from-configuration LiteralRetry: Retry cycle <R3/PT5M> is a literal, not an expression bound to configuration',
    'proofline/timer-from-configuration LiteralWait: Timer timeDuration <PT24H> is a literal, not an expression bound to configuration'
  ]);
  console.log(`Proofline's bpmnlint rules: ${ found.length } expected findings in test/bad.bpmn`);
})().catch(error => {
  console.error(error.message);
  process.exit(1);
});
