package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests an outsider sent when attacking the service, each once a 5xx or a body that was no
 * problem: every one now answers a 4xx problem with a code that says what was wrong.
 */
class OutsidersRequestsTest extends ServiceTest {

    private static final String ADDRESS = """
            {"shippingAddress": {"name": "%s", "line1": "1 Main St", "city": "London", "postalCode": "SW1Y 4JH", "country": "GB"}}""";

    private RawHttp.Answer send(String method, String target, String body, String... headers) {
        return RawHttp.send(port, method, target, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).as(answer.toString()).contains("\"code\":\"" + code + "\"");
    }

    @Test
    void multipartBodiesAreRefusedAsUnsupported() {
        String multipart = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n";
        for (String target : List.of("/api/cart/items", "/api/coupons/validate", "/api/checkouts")) {
            assertProblem(send("POST", target, multipart, "Content-Type", "multipart/form-data; boundary=x"), 415,
                    "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(send("POST", target, "{}", "Content-Type", "multipart/mixed; boundary=x"), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void contentTypesThatNameNoTypeAreRefusedAsUnsupported() {
        for (String type : List.of("*/*", "application/*", "*", "garbage", ";;")) {
            assertProblem(send("POST", "/api/cart/items", "{}", "Content-Type", type), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(send("POST", "/api/payments/webhook", "{}", "Content-Type", type), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void theProvidersWebhookRefusesAMultipartBodyAsUnsigned() {
        RawHttp.Answer answer = send("POST", "/api/payments/webhook", "--x--\r\n", "Content-Type", "multipart/form-data; boundary=x");

        assertProblem(answer, 400, "INVALID_SIGNATURE");
    }

    @Test
    void theNulCharacterInSearchOrTextIsABadFormatNotAFailure() {
        Product lamp = newProduct("Nul Lamp", 2000, 5);
        Shopper shopper = newShopper();
        shopper.post("/api/cart/items", "{\"productId\": " + lamp.id() + ", \"quantity\": 1}");

        Shopper.Response search = shopper.get("/api/products?q=%00");
        Shopper.Response coupon = shopper.post("/api/coupons/validate", "{\"code\": \"\\u0000\"}");
        Shopper.Response checkout = shopper.post("/api/checkouts", ADDRESS.formatted("Ada\\u0000"));
        Shopper.Response join = shopper.post("/api/cart/join", "{\"token\": \"a\\u0000b\"}");

        for (Shopper.Response answer : List.of(search, coupon, checkout, join)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.code()).as(answer.toString()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(jdbc.sql("select count(*) from checkout c join cart k on k.id = c.cart_id join cart_item i on i.cart_id = k.id"
                + " where i.product_id = :product").param("product", lamp.id()).query(Long.class).single()).isZero();
    }

    @Test
    void protocolRefusalsSayWhatWasRefused() {
        assertProblem(RawHttp.sendRaw(port, "GET / HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505,
                "HTTP_VERSION_NOT_SUPPORTED");
        RawHttp.Answer chunkedLike = send("POST", "/api/cart/items", "{}", "Transfer-Encoding", "xchunked");
        assertThat(chunkedLike.status()).as(chunkedLike.toString()).isIn(400, 501);
        assertThat(chunkedLike.contentType()).startsWith("application/problem+json");
        assertThat(chunkedLike.body()).doesNotContain("INTERNAL_ERROR");
    }

    @Test
    void theWebSocketAddressAskedForWithoutAHandshakeAnswersAProblem() {
        assertProblem(send("GET", "/ws", ""), 400, "NOT_A_WEBSOCKET");
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertProblem(send(method, "/ws", ""), 405, "METHOD_NOT_ALLOWED");
        }
        assertProblem(send("GET", "/ws", "", "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "13"), 426,
                "NOT_A_WEBSOCKET");
        assertProblem(send("GET", "/ws", "", "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "99",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), 426, "NOT_A_WEBSOCKET");
    }

    @Test
    void anUnknownActuatorPathAnswersAProblem() {
        assertProblem(send("GET", "/actuator/health/x", ""), 404, "NOT_FOUND");
        assertProblem(send("GET", "/actuator/health/db", ""), 404, "NOT_FOUND");
    }

    @Test
    void aProblemIsJsonWhateverTheAcceptHeaderAskedFor() {
        Product lamp = newProduct("Accept Lamp", 2000, 5);
        for (String accept : List.of("garbage", "image/png", "text/html")) {
            assertProblem(send("GET", "/api/products/" + Long.MAX_VALUE, "", "Accept", accept), 404, "PRODUCT_NOT_FOUND");
        }
        assertProblem(send("GET", "/api/products/" + lamp.id(), "", "Accept", "image/png"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void anUnknownDemoPictureAnswersAProblem() {
        assertProblem(send("GET", "/images/demo/nope.svg", ""), 404, "NOT_FOUND");
    }
}
