// Proofline's own bpmnlint rules (see .bpmnlintrc and docs/testing.md).
module.exports = {
  configs: {
    recommended: {
      rules: {
        'rule-named': 'error',
        'async-with-retry-cycle': 'error',
        'timer-from-configuration': 'error'
      }
    }
  },
  rules: {
    'rule-named': './rules/rule-named',
    'async-with-retry-cycle': './rules/async-with-retry-cycle',
    'timer-from-configuration': './rules/timer-from-configuration'
  }
};
