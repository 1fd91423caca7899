package dev.cartwright.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Shopper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The shared pricing cases (spec/pricing-vectors.json), which the web app's tests check too. */
class PricingVectorsTest {

    static List<Named<JsonNode>> cases() {
        Path vectors = Path.of(System.getProperty("cartwright.spec-dir", "../spec"), "pricing-vectors.json");
        JsonNode root = Shopper.JSON.readTree(vectors.toFile());
        return StreamSupport.stream(root.path("cases").spliterator(), false)
                .map(vector -> Named.of(vector.path("name").asString(), vector))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void totalsMatchTheSharedCase(JsonNode vector) {
        List<Pricing.PricedLine> lines = StreamSupport.stream(vector.path("lines").spliterator(), false)
                .map(line -> new Pricing.PricedLine(
                        line.path("unitPrice").asLong(), line.path("quantity").asInt(), line.path("selected").asBoolean()))
                .toList();

        CartView.Totals totals = Pricing.totals(lines, vector.path("currency").asString(), discount(vector.path("coupon")),
                shipping(vector.path("shipping")));

        JsonNode expected = vector.path("totals");
        assertThat(totals).isEqualTo(new CartView.Totals(
                expected.path("itemCount").asInt(), expected.path("selectedCount").asInt(),
                expected.path("subtotal").asLong(), expected.path("discount").asLong(), expected.path("shipping").asLong(),
                expected.path("total").asLong(), expected.path("currency").asString()));
    }

    private static Pricing.@Nullable ShippingRate shipping(JsonNode rate) {
        if (rate.isMissingNode() || rate.isNull()) {
            return null;
        }
        JsonNode freeFrom = rate.path("freeFrom");
        return new Pricing.ShippingRate(rate.path("price").asLong(), freeFrom.isNull() ? null : freeFrom.asLong());
    }

    private static Pricing.@Nullable Discount discount(JsonNode coupon) {
        if (coupon.isMissingNode() || coupon.isNull()) {
            return null;
        }
        return new Pricing.Discount(coupon.path("code").asString(), Pricing.Discount.Kind.valueOf(coupon.path("kind").asString()),
                coupon.path("amount").asLong(), coupon.path("minimumSubtotal").asLong());
    }
}
