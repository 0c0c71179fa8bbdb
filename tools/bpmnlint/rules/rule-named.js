const { extensions, isStepOrDecision } = require('./support');

// A rule id of docs/policy/register.yml: the seed's number, then the rule (004-state-id-4, 003-session-encryption).
const RULE_ID = /^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every task and gateway names the register's rules it implements: camunda:property name="rule" (one per rule). */
module.exports = function() {
  function check(node, reporter) {
    if (!isStepOrDecision(node)) {
      return;
    }
    const rules = extensions(node, 'camunda:Properties')
      .flatMap(properties => properties.values || [])
      .filter(property => property.name === 'rule');
    if (rules.length === 0) {
      reporter.report(node.id, 'Names no rule of the policy register (camunda:property name="rule")');
    }
    for (const rule of rules) {
      if (!RULE_ID.test(rule.value || '')) {
        reporter.report(node.id, `Rule id <${ rule.value || '' }> is not of the form 004-state-id-4`);
      }
    }
  }
  return { check };
};
