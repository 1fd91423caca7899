package dev.cartwright.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the simulated provider's webhooks as a real provider does: later than the browser
 * returns, over HTTP, signed, and again with growing pauses until the store acknowledges.
 */
@Component
@Conditional(PaymentProviders.SimulatedChosen.class)
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    private final WebhookSignature signature;
    private final JsonMapper json;
    private final PaymentSettings settings;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookDelivery(WebhookSignature signature, JsonMapper json, PaymentSettings settings, Environment environment) {
        this.signature = signature;
        this.json = json;
        this.settings = settings;
        this.environment = environment;
    }

    void send(WebhookEvent event) {
        byte[] body = json.writeValueAsBytes(event);
        Thread.ofVirtual().name("webhook-" + event.id()).start(() -> deliver(event.id(), body));
    }

    private void deliver(String eventId, byte[] body) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(target())
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, signature.sign(body, Instant.now()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                log.warn("Webhook {} answered {} (attempt {} of {})", eventId, status, attempt, ATTEMPTS);
            } catch (Exception e) {
                log.warn("Webhook {} could not be delivered (attempt {} of {}): {}", eventId, attempt, ATTEMPTS, e.toString());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2);
        }
        log.error("Webhook {} was never acknowledged; giving up after {} attempts", eventId, ATTEMPTS);
    }

    private URI target() {
        if (settings.webhookUrl() != null && !settings.webhookUrl().isBlank()) {
            return URI.create(settings.webhookUrl());
        }
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/api/payments/webhook");
    }
}
