package dev.cartwright.cart;

import dev.cartwright.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts cart changes as they were answered: {@code cartwright.cart.changes}, tagged
 * {@code outcome} (applied or refused) and {@code code} (the refusal's problem code, NONE when
 * applied). The codes are the few the cart answers with, so the series are bounded.
 */
@Component
class CartChangeMeter {

    static final String NAME = "cartwright.cart.changes";

    private final MeterRegistry meters;
    private final Counter applied;

    CartChangeMeter(MeterRegistry meters) {
        this.meters = meters;
        this.applied = counter("applied", "NONE");
    }

    void applied() {
        AfterCommit.run(applied::increment);
    }

    void refused(String code) {
        Counter refused = counter("refused", code);
        AfterCommit.run(refused::increment);
    }

    private Counter counter(String outcome, String code) {
        return Counter.builder(NAME).description("Cart changes answered, by outcome and problem code")
                .tag("outcome", outcome).tag("code", code).register(meters);
    }
}
