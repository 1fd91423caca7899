package dev.cartwright.payment;

import dev.cartwright.platform.Problems;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Where providers report payment outcomes. Only signed, fresh events are believed. */
@RestController
class PaymentWebhook {

    private final WebhookSignature signature;
    private final PaymentEvents events;
    private final JsonMapper json;

    PaymentWebhook(WebhookSignature signature, PaymentEvents events, JsonMapper json) {
        this.signature = signature;
        this.events = events;
        this.json = json;
    }

    /** The signature covers the raw bytes, so the body is taken as bytes and parsed only once trusted. */
    @PostMapping("/api/payments/webhook")
    Map<String, Object> receive(@RequestBody byte[] body,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String header) {
        switch (signature.verify(header, body, Instant.now())) {
            case WebhookSignature.Verdict.Invalid invalid -> throw Problems.failure(
                    Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_SIGNATURE", invalid.why()));
            case WebhookSignature.Verdict.Stale stale -> throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST,
                    "STALE_WEBHOOK", "The webhook's timestamp is more than five minutes away from now."));
            case WebhookSignature.Verdict.Valid valid -> { }
        }
        WebhookEvent event;
        try {
            event = json.readValue(body, WebhookEvent.class);
        } catch (JacksonException e) {
            throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The event is not valid JSON."));
        }
        if (event.id() == null || event.id().isBlank() || event.type() == null) {
            throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The event needs an id and a type."));
        }
        if (!event.complete()) {
            throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "A payment event needs data with its checkoutId, sessionId, amount and currency."));
        }
        return events.apply(event) ? Map.of("received", true) : Map.of("received", true, "duplicate", true);
    }
}
