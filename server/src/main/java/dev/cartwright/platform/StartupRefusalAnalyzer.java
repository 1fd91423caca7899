package dev.cartwright.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link StartupRefusal} as Spring Boot reports its own start-up failures: what happened, what to do. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal refusal) {
        return new FailureAnalysis(refusal.getMessage(), refusal.action(), refusal);
    }
}
