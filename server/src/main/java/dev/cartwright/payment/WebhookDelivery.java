package dev.cartwright.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the simulated provider's webhooks as a real provider does: later than the browser
 * returns, over HTTP, signed at each try, and again with growing pauses until the shop
 * acknowledges (2xx) or the retry time is over. Every node polls; each webhook is claimed by one
 * of them at a time ({@link WebhookOutbox#claimNext}), and no connection is held while it is sent.
 */
@Component
@Conditional(PaymentProviders.SimulatedChosen.class)
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Longer than one try can take (connect plus answer), so no webhook is sent twice at once. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final WebhookOutbox outbox;
    private final WebhookSignature signature;
    private final PaymentSettings settings;
    private final Environment environment;
    private final Counter dead;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookDelivery(WebhookOutbox outbox, WebhookSignature signature, PaymentSettings settings, Environment environment,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.signature = signature;
        this.settings = settings;
        this.environment = environment;
        this.dead = Counter.builder("cartwright.payment.webhooks.dead")
                .description("Simulated provider webhooks given up on after the whole retry time")
                .register(meters);
    }

    /** Sends every webhook due now, one claim at a time. Safe on every node and thread at once. */
    @Scheduled(fixedDelayString = "${cartwright.payment.outbox-interval}")
    void deliverDue() {
        try {
            while (deliverNext()) {
                // each turn claimed and tried one webhook
            }
        } catch (DataAccessException e) {
            log.warn("Webhook deliveries wait for the database: {}", e.getMessage());
        }
    }

    /** Right after a payment page's outcome commits, so the shop hears of it at once rather than at the next poll. */
    void soon() {
        Thread.ofVirtual().name("webhook-delivery").start(this::deliverDue);
    }

    private boolean deliverNext() {
        Optional<WebhookOutbox.Due> claimed = outbox.claimNext(LEASE);
        claimed.ifPresent(this::attempt);
        return claimed.isPresent();
    }

    private void attempt(WebhookOutbox.Due due) {
        String failure = send(due.body().getBytes(StandardCharsets.UTF_8));
        if (failure == null) {
            outbox.delivered(due.eventId());
            return;
        }
        Optional<Instant> next = settings.retrySchedule().next(due.attempts(), due.createdAt(), Instant.now());
        if (next.isPresent()) {
            log.warn("Webhook {} not delivered (try {}): {}; next try at {}", due.eventId(), due.attempts(), failure, next.get());
            outbox.retryAt(due.eventId(), next.get(), failure);
        } else {
            log.error("Webhook {} never acknowledged after {} tries over {}; left DEAD in simulated_webhook_delivery: {}",
                    due.eventId(), due.attempts(), settings.retryFor(), failure);
            outbox.dead(due.eventId(), failure);
            dead.increment();
        }
    }

    /** Null when the shop acknowledged; else why not. */
    private @Nullable String send(byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(target())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, signature.sign(body, Instant.now()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "answered " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.toString();
        }
    }

    private URI target() {
        if (settings.webhookUrl() != null && !settings.webhookUrl().isBlank()) {
            return URI.create(settings.webhookUrl());
        }
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/api/payments/webhook");
    }
}
