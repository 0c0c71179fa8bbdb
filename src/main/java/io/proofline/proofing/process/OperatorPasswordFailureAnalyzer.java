package io.proofline.proofing.process;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.proofline.proofing.process.OperatorAccountEnvironment.StaffPasswordMissingException;

/** Turns a missing staff password (the operator's, the analyst's, the reviewer's) into a short start-up report instead of a stack trace. */
class OperatorPasswordFailureAnalyzer extends AbstractFailureAnalyzer<StaffPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StaffPasswordMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.variable() + " to a strong secret (docker compose reads it from .env), "
                        + "or run the embedded default, which generates one in the data folder.",
                cause);
    }
}
