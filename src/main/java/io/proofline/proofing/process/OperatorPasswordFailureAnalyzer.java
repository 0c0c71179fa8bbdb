package io.proofline.proofing.process;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.proofline.proofing.process.OperatorAccountEnvironment.OperatorPasswordMissingException;

/** Turns a missing operator password into a short start-up report instead of a stack trace. */
class OperatorPasswordFailureAnalyzer extends AbstractFailureAnalyzer<OperatorPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OperatorPasswordMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set PROOFLINE_OPERATOR_PASSWORD to a strong secret (docker compose reads it from .env), "
                        + "or run the embedded default, which generates one in the data folder.",
                cause);
    }
}
