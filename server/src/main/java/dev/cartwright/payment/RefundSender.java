package dev.cartwright.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the refunds due to the provider, every node sharing the work, one refund per claim and
 * no connection held while the provider answers. A refund whose answer is lost is sent again
 * with its idempotency key, so it is made once; one the provider refuses, or that could not be
 * sent for the whole retry time, is left for an operator, logged and counted.
 */
@Component
class RefundSender {

    private static final Logger log = LoggerFactory.getLogger(RefundSender.class);
    /** Longer than a provider call may take, so no refund is sent twice at once. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final Refunds refunds;
    private final PaymentProvider provider;
    private final PaymentSettings settings;
    private final Counter unfinished;

    RefundSender(Refunds refunds, PaymentProvider provider, PaymentSettings settings, MeterRegistry meters) {
        this.refunds = refunds;
        this.provider = provider;
        this.settings = settings;
        this.unfinished = Counter.builder("cartwright.payment.refunds.unfinished")
                .description("Refunds the provider refused or that could not be sent for the whole retry time")
                .register(meters);
    }

    /** Sends every refund due now. Safe on every node and thread at once. */
    @Scheduled(fixedDelayString = "${cartwright.payment.outbox-interval}")
    void sendDue() {
        try {
            while (sendNext()) {
                // each turn claimed and sent one refund
            }
        } catch (DataAccessException e) {
            log.warn("Refunds wait for the database: {}", e.getMessage());
        }
    }

    /** Sends this refund now, whatever its schedule, as the poller would; one already made is not sent again. */
    void sendNow(String sessionId) {
        refunds.claim(sessionId, LEASE).ifPresent(this::send);
    }

    private boolean sendNext() {
        Optional<Refunds.Due> claimed = refunds.claimNext(LEASE);
        claimed.ifPresent(this::send);
        return claimed.isPresent();
    }

    private void send(Refunds.Due due) {
        RefundOutcome outcome;
        try {
            outcome = provider.refund(due.sessionId(), due.amount(), due.currency(), due.idempotencyKey());
        } catch (RuntimeException e) {
            retry(due, e.toString());
            return;
        }
        switch (outcome) {
            case RefundOutcome.Refunded refunded -> {
                refunds.refunded(due.sessionId());
                log.info("Refunded {} {} of payment session {}", due.amount(), due.currency(), due.sessionId());
            }
            case RefundOutcome.Refused refused -> {
                refunds.refused(due.sessionId(), refused.why());
                unfinished.increment();
                log.error("REFUND REFUSED by the provider for payment session {} ({} {}): {}; see payment_refund",
                        due.sessionId(), due.amount(), due.currency(), refused.why());
            }
        }
    }

    private void retry(Refunds.Due due, String error) {
        Optional<Instant> next = settings.retrySchedule().next(due.attempts(), due.createdAt(), Instant.now());
        if (next.isPresent()) {
            log.warn("Refund of payment session {} not sent (try {}): {}; next try at {}", due.sessionId(), due.attempts(),
                    error, next.get());
            refunds.retryAt(due.sessionId(), next.get(), error);
            return;
        }
        refunds.dead(due.sessionId(), error);
        unfinished.increment();
        log.error("REFUND NOT SENT for payment session {} ({} {}) after {} tries over {}; left DEAD in payment_refund: {}",
                due.sessionId(), due.amount(), due.currency(), due.attempts(), settings.retryFor(), error);
    }
}
