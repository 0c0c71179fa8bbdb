package io.proofline.proofing.process;

/**
 * Every BPMN id, variable name and message name the Java code refers to, in one place. The BPMN
 * files in {@code bpmn/} use the same strings; {@code ProcessModelTest} checks they exist there.
 */
public final class ProcessIds {

    private ProcessIds() {
    }

    /** Process definition keys. */
    public static final class Processes {
        public static final String IDENTITY_PROOFING = "identity-proofing";

        private Processes() {
        }
    }

    /** Activity and event ids. */
    public static final class Activities {
        public static final String CONSENT_TO_PROOFING = "ConsentToProofing";

        private Activities() {
        }
    }

    /** Process variable names. Only outcomes, counts, ids and timestamps: never PII. */
    public static final class Variables {
        public static final String JOURNEY_ID = "journeyId";

        private Variables() {
        }
    }
}
