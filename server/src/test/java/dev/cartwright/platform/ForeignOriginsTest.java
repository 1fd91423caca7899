package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Cross-site request forgery: a page of another site can make the shopper's browser send the
 * shopper's cookie, but not change the shopper's cart or read it over /ws.
 */
class ForeignOriginsTest extends ServiceTest {

    private Shopper shopper;
    private Product product;

    @BeforeEach
    void aShopperWithALine() {
        shopper = newShopper();
        product = newProduct("Forged Teapot", 2500, 10);
        assertThat(shopper.post("/api/cart/items", "{\"productId\": " + product.id() + ", \"quantity\": 1}").status()).isEqualTo(200);
    }

    @Test
    void everyKindOfChangeFromAnotherSiteIsRefusedAndChangesNothing() {
        long line = shopper.get("/api/cart").json().path("items").get(0).path("id").asLong();
        long version = version();
        List<String[]> foreign = List.of(new String[] {"Origin", "https://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Origin", "http://localhost:" + port + ".evil.example"}, new String[] {"Origin", "https://localhost:" + port},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Sec-Fetch-Site", "same-site"});
        for (String[] from : foreign) {
            for (Shopper.Response refused : List.of(
                    shopper.post("/api/cart/items", "{\"productId\": " + product.id() + ", \"quantity\": 1}", from),
                    shopper.put("/api/cart/items/" + line, "{\"quantity\": 5}", from),
                    shopper.patch("/api/cart/items/" + line, "{\"selected\": false}", from),
                    shopper.patch("/api/cart/selection", "{\"selected\": false}", from),
                    shopper.delete("/api/cart/items/" + line, from),
                    shopper.post("/api/cart/share", null, from),
                    shopper.post("/api/cart/leave", null, from),
                    shopper.post("/api/coupons/validate", "{\"code\": \"WELCOME10\"}", from),
                    shopper.post("/api/checkouts", dev.cartwright.checkout.CheckoutTestSteps.ADDRESS, from))) {
                assertThat(refused.status()).as(from[0] + ": " + from[1] + " " + refused).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FOREIGN_ORIGIN");
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(version()).as("nothing changed").isEqualTo(version);
        String cartId = shopper.get("/api/cart").json().path("id").asString();
        assertThat(jdbc.sql("select count(*) from cart_share where cart_id = :cart::uuid").param("cart", cartId)
                .query(Long.class).single()).as("no invitation was made").isZero();
    }

    @Test
    void theShopsOwnPagesAndClientsThatAreNotBrowsersMayChange() {
        long version = version();

        assertThat(shopper.patch("/api/cart/selection", "{\"selected\": false}", "Origin", "http://localhost:" + port).status())
                .isEqualTo(200);
        assertThat(shopper.patch("/api/cart/selection", "{\"selected\": true}", "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(200);
        assertThat(shopper.patch("/api/cart/selection", "{\"selected\": false}", "Sec-Fetch-Site", "none").status())
                .isEqualTo(200);
        assertThat(shopper.patch("/api/cart/selection", "{\"selected\": true}").status()).isEqualTo(200);
        assertThat(version()).isEqualTo(version + 4);
    }

    @Test
    void readingIsNotAChange() {
        assertThat(shopper.get("/api/cart", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site").status()).isEqualTo(200);
    }

    @Test
    void aWebSocketFromAnotherSiteIsRefused() {
        Throwable refused = catchThrowable(() -> socket("https://evil.example").join());

        assertThat(refused).isNotNull();
        socket("http://localhost:" + port).join().abort();
    }

    private java.util.concurrent.CompletableFuture<WebSocket> socket(String origin) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .header("Cookie", shopper.cookieHeader())
                .header("Origin", origin)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {});
    }

    private long version() {
        return shopper.get("/api/cart").json().path("version").asLong();
    }

    /** A storefront served from another origin of the shop's own, configured by CARTWRIGHT_ALLOWED_ORIGINS. */
    @Nested
    @TestPropertySource(properties = "cartwright.http.allowed-origins=https://shop.example,https://m.shop.example")
    class WithAnAllowedOrigin {

        @Test
        void thatOriginMayChangeAndOthersStillMayNot() {
            String add = "{\"productId\": " + product.id() + ", \"quantity\": 1}";

            assertThat(shopper.post("/api/cart/items", add, "Origin", "https://m.shop.example").status()).isEqualTo(200);
            assertThat(shopper.post("/api/cart/items", add, "Origin", "https://evil.example").code()).isEqualTo("FOREIGN_ORIGIN");
            assertThat(socket("https://shop.example").join()).isNotNull();
        }
    }
}
