package dev.cartwright.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Steps of the checkout path as a shopper takes them over HTTP. */
public final class CheckoutTestSteps {

    public static final String ADDRESS = """
            {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London", "postalCode": "SW1Y 4JH", "country": "GB"}""";

    /** What Standard shipping to {@link #ADDRESS} costs: Great Britain is outside the EU, where Standard is never free. */
    public static final long SHIPPING = 1990;

    private CheckoutTestSteps() {}

    public static Shopper.Response add(Shopper shopper, long productId, int quantity) {
        return shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": %d}".formatted(productId, quantity));
    }

    public static Shopper.Response checkout(Shopper shopper) {
        return shopper.post("/api/checkouts", "{\"shippingAddress\": " + ADDRESS + "}");
    }

    public static Shopper.Response checkout(Shopper shopper, String couponCode) {
        return shopper.post("/api/checkouts", "{\"shippingAddress\": " + ADDRESS + ", \"couponCode\": \"" + couponCode + "\"}");
    }

    /** What the catalog says can be bought of the product right now. */
    public static int available(Shopper shopper, Product product) {
        return shopper.get("/api/products/" + product.id()).json().path("available").asInt();
    }

    /** Starts payment and answers the provider's hosted page address. */
    public static String startPayment(Shopper shopper, String checkoutId) {
        Shopper.Response started = shopper.post("/api/checkouts/" + checkoutId + "/payment", "{\"method\": \"card\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().path("redirectUrl").asString();
    }

    /** Presses "Pay" or "Decline" on the hosted page, as the browser's form does. */
    public static Shopper.Response completeOnHostedPage(Shopper shopper, String paymentPage, String outcome) {
        HttpRequest press = HttpRequest.newBuilder(shopper.base().resolve(URI.create(paymentPage + "/complete")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome))
                .build();
        return shopper.send(press);
    }

    /** The provider's webhook arrives on its own time: wait (boundedly) until the checkout shows it. */
    public static JsonNode awaitCheckout(Shopper shopper, String checkoutId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode checkout;
        do {
            checkout = shopper.get("/api/checkouts/" + checkoutId).json();
            if (condition.test(checkout)) {
                return checkout;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Checkout " + checkoutId + " never reached the expected state; last seen: " + checkout);
    }

    public static JsonNode awaitStatus(Shopper shopper, String checkoutId, String status) {
        return awaitCheckout(shopper, checkoutId, checkout -> checkout.path("status").asString().equals(status));
    }

    /** Pays for the checkout on the provider's page and answers the order it became. */
    public static JsonNode payForOrder(Shopper shopper, String checkoutId) {
        completeOnHostedPage(shopper, startPayment(shopper, checkoutId), "paid");
        String orderId = awaitStatus(shopper, checkoutId, "PAID").path("orderId").asString();
        return shopper.get("/api/orders/" + orderId).json();
    }
}
