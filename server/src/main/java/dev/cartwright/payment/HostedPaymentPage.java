package dev.cartwright.payment;

import dev.cartwright.platform.Money;
import dev.cartwright.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulated provider's own page, where the shopper pays or declines. A browser posts the
 * form; curl may post {@code {"outcome": "paid"}}. Either way the shopper is sent back to the
 * store while the webhook is still on its way.
 */
@RestController
@Conditional(PaymentProviders.SimulatedChosen.class)
class HostedPaymentPage {

    record Outcome(@NotNull @Pattern(regexp = "paid|declined", message = "must be paid or declined") String outcome) {}

    private final SimulatedPaymentProvider provider;
    private final WebhookDelivery delivery;

    HostedPaymentPage(SimulatedPaymentProvider provider, WebhookDelivery delivery) {
        this.provider = provider;
        this.delivery = delivery;
    }

    @GetMapping(path = "/pay/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String sessionId) {
        return provider.find(sessionId)
                .map(session -> session.status() == SimulatedPaymentProvider.Status.OPEN
                        ? html(HttpStatus.OK, payForm(session))
                        : html(HttpStatus.CONFLICT, closed(session)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, page("Payment not found",
                        "<p>There is no such payment. It may have been typed wrong.</p>")));
    }

    @PostMapping(path = "/pay/{sessionId}/complete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> completeForm(@PathVariable String sessionId, @RequestParam String outcome) {
        if (!outcome.equals("paid") && !outcome.equals("declined")) {
            return html(HttpStatus.BAD_REQUEST, page("Unknown choice", "<p>Choose Pay or Decline.</p>"));
        }
        return switch (complete(sessionId, outcome.equals("paid"))) {
            case SimulatedPaymentProvider.Completion.Completed done -> backToStore(done.session());
            case SimulatedPaymentProvider.Completion.Expired expired -> html(HttpStatus.CONFLICT, closed(expired.session()));
            case SimulatedPaymentProvider.Completion.AlreadyCompleted already -> html(HttpStatus.CONFLICT, closed(already.session()));
            case SimulatedPaymentProvider.Completion.Unknown unknown -> html(HttpStatus.NOT_FOUND,
                    page("Payment not found", "<p>There is no such payment.</p>"));
        };
    }

    @PostMapping(path = "/pay/{sessionId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> completeJson(@PathVariable String sessionId, @Valid @RequestBody Outcome body) {
        return switch (complete(sessionId, body.outcome().equals("paid"))) {
            case SimulatedPaymentProvider.Completion.Completed done ->
                    ResponseEntity.status(HttpStatus.SEE_OTHER).location(done.session().returnUrl()).build();
            case SimulatedPaymentProvider.Completion.Expired expired -> throw Problems.failure(Problems.problem(
                    HttpStatus.CONFLICT, "PAYMENT_EXPIRED", "This payment has expired and can no longer be made."));
            case SimulatedPaymentProvider.Completion.AlreadyCompleted already -> throw Problems.failure(Problems.problem(
                    HttpStatus.CONFLICT, "PAYMENT_COMPLETED", "This payment has already been completed."));
            case SimulatedPaymentProvider.Completion.Unknown unknown -> throw Problems.failure(Problems.problem(
                    HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", "There is no such payment."));
        };
    }

    /** The session's new state and its webhook commit together; the webhook is then sent at once, and retried from the outbox. */
    private SimulatedPaymentProvider.Completion complete(String sessionId, boolean paid) {
        SimulatedPaymentProvider.Completion completion = provider.complete(sessionId, paid);
        if (completion instanceof SimulatedPaymentProvider.Completion.Completed
                || completion instanceof SimulatedPaymentProvider.Completion.Expired) {
            delivery.soon();
        }
        return completion;
    }

    private static ResponseEntity<String> backToStore(SimulatedPaymentProvider.Session session) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(session.returnUrl()).build();
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        // No other site may frame the Pay button (clickjacking), and the page runs no script.
        return ResponseEntity.status(status)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }

    private static String payForm(SimulatedPaymentProvider.Session session) {
        String action = "/pay/" + HtmlUtils.htmlEscape(session.id()) + "/complete";
        return page("Pay " + Money.format(session.amount(), session.currency()), """
                <p class="amount">%s</p>
                <p>Paying by %s. This is Cartwright's simulated payment provider: no money moves.</p>
                <form method="post" action="%s">
                  <input type="hidden" name="outcome" value="paid">
                  <button type="submit" class="pay">Pay</button>
                </form>
                <form method="post" action="%s">
                  <input type="hidden" name="outcome" value="declined">
                  <button type="submit" class="decline">Decline</button>
                </form>
                """.formatted(HtmlUtils.htmlEscape(Money.format(session.amount(), session.currency())),
                HtmlUtils.htmlEscape(session.method()), action, action));
    }

    private static String closed(SimulatedPaymentProvider.Session session) {
        String what = switch (session.status()) {
            case PAID -> "This payment has been made.";
            case DECLINED -> "This payment was declined.";
            case EXPIRED, OPEN -> "This payment has expired and can no longer be made.";
            case REFUNDED -> "This payment has been refunded.";
        };
        return page("Payment closed", "<p>" + what + "</p><p><a href=\"" + HtmlUtils.htmlEscape(safe(session.returnUrl()))
                + "\">Back to the shop</a></p>");
    }

    /** Only links within the store: the return URL is the store's own path. */
    private static String safe(URI returnUrl) {
        return returnUrl.isAbsolute() ? "/" : returnUrl.toString();
    }

    private static String page(String title, String content) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Simulated payment</title>
                <style>
                  body { font-family: system-ui, sans-serif; background: #f4f2ee; color: #222; margin: 0; }
                  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px;
                         box-shadow: 0 2px 12px rgb(0 0 0 / 0.08); }
                  .amount { font-size: 2rem; font-weight: 700; margin: 0.5rem 0 1rem; }
                  form { display: inline-block; margin: 0.5rem 0.5rem 0 0; }
                  button { font-size: 1.1rem; padding: 0.7rem 1.6rem; border-radius: 8px; border: 0; cursor: pointer; }
                  .pay { background: #1f6f4a; color: #fff; }
                  .decline { background: #e8e4dc; color: #222; }
                  button:focus-visible, a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
                  @media (max-width: 30rem) { main { margin: 0; border-radius: 0; } button { width: 100%%; } form { display: block; } }
                </style>
                </head>
                <body><main><h1>%s</h1>%s</main></body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), content);
    }
}
