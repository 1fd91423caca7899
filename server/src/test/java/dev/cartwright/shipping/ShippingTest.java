package dev.cartwright.shipping;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.payForOrder;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shipping methods priced per zone (the shop ships from DE by default), free from 50.00 after the discount. */
class ShippingTest extends ServiceTest {

    private static String address(String country) {
        return """
                {"name": "Ada Lovelace", "line1": "1 Main Street", "city": "Somewhere", "postalCode": "12345", "country": "%s"}"""
                .formatted(country);
    }

    private static Shopper.Response checkout(Shopper shopper, String country, @Nullable String method) {
        String choice = method == null ? "" : ", \"shippingMethod\": \"" + method + "\"";
        return shopper.post("/api/checkouts", "{\"shippingAddress\": " + address(country) + choice + "}");
    }

    private static JsonNode methods(Shopper shopper, String country) {
        Shopper.Response answer = shopper.get("/api/shipping/methods?country=" + country);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode method(JsonNode quote, String method) {
        for (JsonNode option : quote.path("methods")) {
            if (option.path("method").asString().equals(method)) {
                return option;
            }
        }
        throw new AssertionError("No " + method + " in " + quote);
    }

    private Shopper shopperWithGoods(String name, long unitPrice, int quantity) {
        Product product = newProduct(name + " " + UUID.randomUUID(), unitPrice, 10);
        Shopper shopper = newShopper();
        assertThat(add(shopper, product.id(), quantity).status()).isEqualTo(200);
        return shopper;
    }

    private String newCoupon(String kind, long amount, Integer usageLimit) {
        String code = "SHIP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("insert into coupon (code, kind, amount, usage_limit) values (:code, :kind, :amount, :limit)")
                .param("code", code).param("kind", kind).param("amount", amount).param("limit", usageLimit)
                .update();
        return code;
    }

    @Test
    void eachZoneHasItsPricesAndOnlyStandardAtHomeAndInTheEuIsEverFree() {
        Shopper shopper = shopperWithGoods("Zone Mug", 1000, 1);

        JsonNode home = methods(shopper, "DE");
        JsonNode eu = methods(shopper, "FR");
        JsonNode world = methods(shopper, "US");

        assertThat(home.path("zone").asString()).isEqualTo("DOMESTIC");
        assertThat(eu.path("zone").asString()).isEqualTo("EU");
        assertThat(world.path("zone").asString()).isEqualTo("WORLD");
        assertThat(methods(shopper, "GB").path("zone").asString()).isEqualTo("WORLD");
        assertThat(home.path("goods").asLong()).isEqualTo(1000);
        assertThat(home.path("methods")).extracting(option -> option.path("method").asString())
                .containsExactly("STANDARD", "EXPRESS");
        assertThat(method(home, "STANDARD").path("price").asLong()).isEqualTo(490);
        assertThat(method(home, "EXPRESS").path("price").asLong()).isEqualTo(990);
        assertThat(method(eu, "STANDARD").path("price").asLong()).isEqualTo(990);
        assertThat(method(eu, "EXPRESS").path("price").asLong()).isEqualTo(1990);
        assertThat(method(world, "STANDARD").path("price").asLong()).isEqualTo(1990);
        assertThat(method(world, "EXPRESS").path("price").asLong()).isEqualTo(3990);
        assertThat(method(home, "STANDARD").path("rate").path("freeFrom").asLong()).isEqualTo(5000);
        assertThat(method(eu, "STANDARD").path("rate").path("freeFrom").asLong()).isEqualTo(5000);
        assertThat(method(home, "EXPRESS").path("rate").path("freeFrom").isNull()).isTrue();
        assertThat(method(world, "STANDARD").path("rate").path("freeFrom").isNull()).isTrue();
        assertThat(method(home, "EXPRESS").path("maxDays").asInt()).isEqualTo(1);
    }

    @Test
    void standardIsFreeExactlyAtTheThresholdAndChargedOneCentBelow() {
        Shopper atThreshold = shopperWithGoods("Threshold Lamp", 2500, 2);
        Shopper oneCentBelow = shopperWithGoods("Almost Lamp", 4999, 1);

        assertThat(method(methods(atThreshold, "DE"), "STANDARD").path("price").asLong()).isZero();
        assertThat(method(methods(oneCentBelow, "DE"), "STANDARD").path("price").asLong()).isEqualTo(490);
        assertThat(method(methods(atThreshold, "DE"), "EXPRESS").path("price").asLong()).isEqualTo(990);
        assertThat(method(methods(atThreshold, "US"), "STANDARD").path("price").asLong()).isEqualTo(1990);

        JsonNode free = checkout(atThreshold, "DE", "STANDARD").json().path("totals");
        JsonNode charged = checkout(oneCentBelow, "DE", "STANDARD").json().path("totals");

        assertThat(free.path("shipping").asLong()).isZero();
        assertThat(free.path("total").asLong()).isEqualTo(5000);
        assertThat(charged.path("shipping").asLong()).isEqualTo(490);
        assertThat(charged.path("total").asLong()).isEqualTo(4999 + 490);
    }

    @Test
    void theThresholdCountsTheGoodsAfterTheDiscount() {
        Shopper shopper = shopperWithGoods("Discounted Rug", 5500, 1);
        String code = newCoupon("PERCENT", 10, null);
        assertThat(shopper.post("/api/coupons/validate", "{\"code\": \"" + code + "\"}").status()).isEqualTo(200);

        JsonNode quote = methods(shopper, "AT");
        JsonNode totals = checkout(shopper, "AT", null).json().path("totals");

        assertThat(quote.path("goods").asLong()).isEqualTo(4950);
        assertThat(method(quote, "STANDARD").path("price").asLong()).isEqualTo(990);
        assertThat(totals.path("discount").asLong()).isEqualTo(550);
        assertThat(totals.path("shipping").asLong()).isEqualTo(990);
        assertThat(totals.path("total").asLong()).isEqualTo(5500 - 550 + 990);
    }

    @Test
    void aCheckoutWithoutAMethodShipsStandard() {
        Shopper shopper = shopperWithGoods("Default Kettle", 1200, 1);

        JsonNode created = checkout(shopper, "DE", null).json();

        assertThat(created.path("shippingMethod").asString()).isEqualTo("STANDARD");
        assertThat(created.path("totals").path("shipping").asLong()).isEqualTo(490);
    }

    @Test
    void anUnknownMethodIsRefusedAndNothingIsReserved() {
        Product product = newProduct("Drone Parcel " + UUID.randomUUID(), 1500, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);

        for (String spelling : new String[] {"express", " EXPRESS", "EXPRESS\\n", "Ｅxpress"}) {
            Shopper.Response odd = checkout(shopper, "DE", spelling);
            assertThat(odd.status()).as(spelling).isEqualTo(400);
            assertThat(odd.code()).as(spelling).isEqualTo("UNKNOWN_SHIPPING_METHOD");
        }
        Shopper.Response refused = checkout(shopper, "DE", "DRONE");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("UNKNOWN_SHIPPING_METHOD");
        assertThat(refused.json().path("detail").asString()).contains("Standard, Express");
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", product.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCountryThatIsNotOneIsRefused() {
        Shopper shopper = newShopper();

        Shopper.Response unknown = shopper.get("/api/shipping/methods?country=XX");
        Shopper.Response missing = shopper.get("/api/shipping/methods");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void expressShippingIsChargedByTheProviderAndKeptByTheOrder() {
        Shopper shopper = shopperWithGoods("Express Vase", 3000, 2);

        JsonNode created = checkout(shopper, "FR", "EXPRESS").json();
        String id = created.path("id").asString();
        startPayment(shopper, id);
        long charged = jdbc.sql("select amount from simulated_payment_session where checkout_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single();
        JsonNode order = payForOrder(shopper, id);

        assertThat(created.path("shippingMethod").asString()).isEqualTo("EXPRESS");
        assertThat(created.path("totals").path("shipping").asLong()).isEqualTo(1990);
        assertThat(created.path("totals").path("total").asLong()).isEqualTo(6000 + 1990);
        assertThat(charged).isEqualTo(6000 + 1990);
        assertThat(order.path("shippingMethod").asString()).isEqualTo("EXPRESS");
        assertThat(order.path("shipping").asLong()).isEqualTo(1990);
        assertThat(order.path("subtotal").asLong()).isEqualTo(6000);
        assertThat(order.path("total").asLong()).isEqualTo(6000 + 1990);
    }

    @Test
    void aWithdrawnCouponPricesShippingAgainForTheGoodsAtFullPrice() {
        Shopper shopper = shopperWithGoods("Withdrawn Chair", 5500, 1);
        String code = newCoupon("FIXED", 1000, 1);
        JsonNode created = shopper.post("/api/checkouts", "{\"shippingAddress\": " + address("DE")
                + ", \"couponCode\": \"" + code + "\"}").json();
        assertThat(created.path("totals").path("shipping").asLong()).isEqualTo(490);
        jdbc.sql("update coupon set uses = 1 where code = :code").param("code", code).update();

        Shopper.Response withdrawn = shopper.post("/api/checkouts/" + created.path("id").asString() + "/payment",
                "{\"method\": \"card\"}");

        assertThat(withdrawn.code()).isEqualTo("COUPON_WITHDRAWN");
        JsonNode totals = withdrawn.json().path("checkout").path("totals");
        assertThat(totals.path("discount").asLong()).isZero();
        assertThat(totals.path("shipping").asLong()).isZero();
        assertThat(totals.path("total").asLong()).isEqualTo(5500);
    }
}
