package dev.cartwright.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Spring Boot's own report of a taken port, but naming the setting that moves the store: PORT. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class HttpPortTakenAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException taken) {
        return new FailureAnalysis("Port " + taken.getPort()
                + " is already in use by another program, so the store cannot listen there.",
                "Stop that program, or start the store on another port with PORT (for example PORT=8081 ./run).", taken);
    }
}
