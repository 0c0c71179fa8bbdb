package io.proofline.journey;

import java.util.Map;

/** What a step's form answers to its post. */
public sealed interface StepAnswer {

    /** Complete the step with these variables: choices and outcomes only, never PII. */
    record Complete(Map<String, Object> variables) implements StepAnswer {

        public Complete {
            variables = Map.copyOf(variables);
        }
    }

    /** Show the page again with the form's field errors (the form rejected fields on its {@code Errors}). */
    record ShowAgain() implements StepAnswer {
    }

    /**
     * Send the browser to {@code location} (a path of the wizard) instead: a post that carried files is not
     * shown again as its own answer, so that a reload posts nothing twice.
     */
    record RedirectTo(String location) implements StepAnswer {
    }

    static StepAnswer complete() {
        return new Complete(Map.of());
    }

    static StepAnswer complete(String variable, Object value) {
        return new Complete(Map.of(variable, value));
    }

    static StepAnswer showAgain() {
        return new ShowAgain();
    }
}
