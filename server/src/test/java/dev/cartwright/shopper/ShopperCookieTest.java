package dev.cartwright.shopper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The guest cookie: how it is set, that the database never learns it, that a cookie the
 * service did not sign makes a new guest rather than an error, that visits leave no rows, that
 * old cookies are renewed or, for the forgotten, replaced, and that one guest's cart is
 * invisible to every other.
 */
class ShopperCookieTest extends ServiceTest {

    private static final String COOKIE = "cartwright_shopper";
    /** The guest's id and the issue time, a dot, then their HMAC. */
    private static final String SIGNED = "[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}";

    @Autowired
    private GuestCookies cookies;

    /** A client without a cookie jar: each request carries exactly the cookie the test gives it. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // --- the cookie ------------------------------------------------------------------------------------------

    @Test
    void theFirstCartRequestSetsAnHttpOnlyLaxCookieForTheWholeSite() {
        Answer first = request("GET", "/api/cart", null, null);

        assertThat(first.status()).isEqualTo(200);
        SetCookie cookie = first.shopperCookie().orElseThrow();
        assertThat(cookie.value()).matches(SIGNED);
        assertThat(cookies.read(cookie.value())).as("a cookie the service signed").isPresent();
        assertThat(cookie.attributes()).containsKey("httponly");
        assertThat(cookie.attributes()).containsEntry("samesite", "Lax");
        assertThat(cookie.attributes()).containsEntry("path", "/");
        assertThat(Long.parseLong(cookie.attributes().get("max-age"))).as("max-age")
                .isEqualTo(Duration.ofDays(400).toSeconds());
        assertThat(cookie.attributes()).as("not Secure over plain http").doesNotContainKey("secure");
        assertThat(cookie.attributes()).as("host-only").doesNotContainKey("domain");
    }

    @Test
    void aFirstMutationAlsoWelcomesTheGuest() {
        long product = newProduct("Cookie test teapot", 3100, 10).id();

        Answer first = request("POST", "/api/cart/items", null, "{\"productId\":" + product + ",\"quantity\":1}");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String token = first.shopperCookie().orElseThrow().value();
        Answer again = request("GET", "/api/cart", token, null);
        assertThat(again.shopperCookie()).as("a known guest gets no new cookie").isEmpty();
        assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(again.json().path("items").path(0).path("productId").asLong()).isEqualTo(product);
    }

    @Test
    void aKnownGuestKeepsTheirCookieAndCart() {
        Answer first = request("GET", "/api/cart", null, null);
        String token = first.shopperCookie().orElseThrow().value();

        for (int i = 0; i < 3; i++) {
            Answer again = request("GET", "/api/cart", token, null);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.shopperCookie()).isEmpty();
            assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
        }
    }

    @Test
    void eachNewGuestGetsAnotherToken() {
        String one = request("GET", "/api/cart", null, null).shopperCookie().orElseThrow().value();
        String two = request("GET", "/api/cart", null, null).shopperCookie().orElseThrow().value();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void catalogReadsSetNoCookie() {
        long product = newProduct("Cookie test spoon", 400, 10).id();

        for (String path : List.of("/api/products", "/api/products?q=spoon&limit=5", "/api/products/" + product,
                "/api/products/" + Long.MAX_VALUE, "/api/products/abc")) {
            Answer answer = request("GET", path, null, null);
            assertThat(answer.status()).as(path).isIn(200, 404);
            assertThat(answer.headers()).as(path).doesNotContainKey("set-cookie");
        }
    }

    // --- what the database keeps -----------------------------------------------------------------------------

    @Test
    void theDatabaseKeepsNothingOfTheCookie() {
        long product = newProduct("Cookie test candle", 1500, 10).id();
        // The first request is a mutation with an Idempotency-Key, so its stored response is searched too.
        Answer first = request("POST", "/api/cart/items", null, "{\"productId\":" + product + ",\"quantity\":1}",
                "Idempotency-Key", "cookie-test-" + UUID.randomUUID());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String cookie = first.shopperCookie().orElseThrow().value();
        String signature = cookie.substring(cookie.indexOf('.') + 1);

        assertThat(rowsContaining(first.json().path("id").asString())).as("the search finds what is there").contains("cart");
        for (String form : List.of(cookie, signature, HexFormat.of().formatHex(Base64.getUrlDecoder().decode(signature)))) {
            assertThat(rowsContaining(form)).as("tables holding " + form).isEmpty();
        }
        assertThat(first.body()).doesNotContain(signature);
    }

    // --- rows for nothing ------------------------------------------------------------------------------------

    @Test
    void visitorsWithoutACookieAddNoRow() throws Exception {
        long shoppersBefore = count("shopper");
        long cartsBefore = count("cart");

        for (int i = 0; i < 20; i++) {
            assertThat(request("GET", "/", null, null).status()).isEqualTo(200);
            assertThat(request("GET", "/api/cart", null, null).status()).isEqualTo(200);
            WebSocket socket = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }

        assertThat(count("shopper")).isEqualTo(shoppersBefore);
        assertThat(count("cart")).isEqualTo(cartsBefore);
    }

    @Test
    void changesOfAGuestWithoutACartThatAreRefusedOrChangeNothingAddNoRow() {
        long scarce = newProduct("Cookie test scarce jar", 900, 1).id();
        long shoppersBefore = count("shopper");
        long cartsBefore = count("cart");

        for (int i = 0; i < 3; i++) {
            List<Answer> answers = List.of(
                    request("DELETE", "/api/cart/items/1", null, null),
                    request("PUT", "/api/cart/items/1", null, "{\"quantity\":2}"),
                    request("PATCH", "/api/cart/items/1", null, "{\"selected\":false}"),
                    request("POST", "/api/cart/items", null, "{\"productId\":" + Long.MAX_VALUE + ",\"quantity\":1}"),
                    request("POST", "/api/cart/items", null, "{\"productId\":" + scarce + ",\"quantity\":2}"),
                    request("PUT", "/api/cart/products/" + scarce, null, "{\"quantity\":2}"),
                    request("DELETE", "/api/cart/products/" + scarce, null, null),
                    request("PATCH", "/api/cart/selection", null, "{\"selected\":false}"),
                    request("DELETE", "/api/cart/coupon", null, null),
                    request("POST", "/api/cart/leave", null, null),
                    request("POST", "/api/cart/items", null, "{\"productId\":" + scarce + ",\"quantity\":1}", "If-Match", "\"7\""),
                    request("POST", "/api/checkouts", null, "{\"shippingAddress\": {\"name\": \"Ada\", \"line1\": \"1 Main St\","
                            + " \"city\": \"London\", \"postalCode\": \"SW1Y 4JH\", \"country\": \"GB\"}}"));
            for (Answer answer : answers) {
                assertThat(answer.status()).as(answer.toString()).isLessThan(500);
                if (answer.status() == 200) {
                    assertThat(answer.json().path("version").asLong()).as("nothing changed: " + answer).isZero();
                }
            }
        }

        assertThat(count("shopper")).isEqualTo(shoppersBefore);
        assertThat(count("cart")).isEqualTo(cartsBefore);
    }

    @Test
    void theFirstChangeMakesTheGuestAndTheCartTheyWereShown() {
        long product = newProduct("Cookie test kettle", 4100, 10).id();
        Answer shown = request("GET", "/api/cart", null, null);
        String cookie = shown.shopperCookie().orElseThrow().value();
        UUID shopper = cookies.read(cookie).orElseThrow().shopper().value();
        assertThat(exists("shopper", "id", shopper)).isFalse();

        Answer changed = request("POST", "/api/cart/items", cookie, "{\"productId\":" + product + ",\"quantity\":1}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("id")).as("one cart to every screen").isEqualTo(shown.json().path("id"));
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(exists("shopper", "id", shopper)).isTrue();
        assertThat(exists("cart", "owner_id", shopper)).isTrue();
    }

    @Test
    void aCookieOfTheFirstReleaseKeepsItsCartAndIsSignedAnew() {
        long product = newProduct("Cookie test jug", 2700, 10).id();
        String legacy = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes()).substring(0, 43);
        UUID shopper = UUID.randomUUID();
        jdbc.sql("insert into shopper (id, token_hash) values (:id, :hash)").param("id", shopper).param("hash", sha256(legacy)).update();
        Answer added = request("POST", "/api/cart/items", legacy, "{\"productId\":" + product + ",\"quantity\":2}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);

        String signed = added.shopperCookie().orElseThrow().value();
        assertThat(cookies.read(signed).orElseThrow().shopper().value()).isEqualTo(shopper);
        Answer again = request("GET", "/api/cart", signed, null);
        assertThat(again.shopperCookie()).isEmpty();
        assertThat(again.json()).isEqualTo(added.json());
    }

    @Test
    void anOldCookieOfAKnownGuestIsIssuedAnewForTheSameCart() {
        long product = newProduct("Cookie test tray", 1900, 10).id();
        Answer added = request("POST", "/api/cart/items", null, "{\"productId\":" + product + ",\"quantity\":1}");
        ShopperId shopper = cookies.read(added.shopperCookie().orElseThrow().value()).orElseThrow().shopper();
        jdbc.sql("update shopper set last_seen_at = now() - interval '20 days' where id = :id").param("id", shopper.value()).update();

        Answer later = request("GET", "/api/cart", cookies.issue(new GuestCookie(shopper, Instant.now().minus(Duration.ofDays(20)))), null);

        assertThat(later.json()).isEqualTo(added.json());
        GuestCookie renewed = cookies.read(later.shopperCookie().orElseThrow().value()).orElseThrow();
        assertThat(renewed.shopper()).isEqualTo(shopper);
        assertThat(renewed.issuedAt()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(jdbc.sql("select last_seen_at > now() - interval '1 minute' from shopper where id = :id")
                .param("id", shopper.value()).query(Boolean.class).single()).as("seen again").isTrue();
    }

    @Test
    void aYoungCookieOfAGuestWhoNeverChangedAnythingKeepsItsCart() {
        ShopperId shopper = new ShopperId(UUID.randomUUID());
        String cookie = cookies.issue(new GuestCookie(shopper, Instant.now().minus(Duration.ofDays(3))));

        Answer answer = request("GET", "/api/cart", cookie, null);

        assertThat(cookies.read(answer.shopperCookie().orElseThrow().value()).orElseThrow().shopper()).isEqualTo(shopper);
    }

    @Test
    void aCookieOlderThanTheRetentionWithoutAGuestComesBackAsSomeoneNewTheSameForEveryRequest() throws Exception {
        ShopperId gone = new ShopperId(UUID.randomUUID());
        String cookie = cookies.issue(new GuestCookie(gone, Instant.now().minus(Duration.ofDays(45))));
        String goneCart = request("GET", "/api/cart", cookies.issue(new GuestCookie(gone, Instant.now())), null).json()
                .path("id").asString();

        List<Answer> atOnce;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(threads.submit(() -> request("GET", "/api/cart", cookie, null)));
            }
            atOnce = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                atOnce.add(answer.get());
            }
        }

        Set<ShopperId> successors = new HashSet<>();
        for (Answer answer : atOnce) {
            successors.add(cookies.read(answer.shopperCookie().orElseThrow().value()).orElseThrow().shopper());
            assertThat(answer.json().path("id").asString()).as("a screen that showed the old cart sees another").isNotEqualTo(goneCart);
        }
        assertThat(successors).hasSize(1).doesNotContain(gone);
    }

    // --- cookies the service did not issue -------------------------------------------------------------------

    @ParameterizedTest(name = "cookie ''{0}''")
    @ValueSource(strings = {
            "garbage",
            "",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
            "%41%41%41",
            "!!!",
            "null",
            "../../etc/passwd",
            "' or '1'='1",
    })
    void aCookieTheServiceDidNotIssueMakesANewGuest(String forged) {
        assertNewGuest(forged);
    }

    @Test
    void aVeryLongCookieMakesANewGuestOrIsRefusedButNeverFails() {
        Answer answer = request("GET", "/api/cart", "x".repeat(6000), null);

        assertThat(answer.status()).as(answer.toString()).isLessThan(500);
        if (answer.status() == 200) {
            assertThat(answer.shopperCookie()).isPresent();
            assertThat(answer.json().path("items").size()).isZero();
        }
    }

    @Test
    void anotherGuestsTokenWithOneCharacterChangedIsANewGuest() {
        long product = newProduct("Cookie test lantern", 2200, 10).id();
        Answer owner = request("POST", "/api/cart/items", null, "{\"productId\":" + product + ",\"quantity\":2}");
        String token = owner.shopperCookie().orElseThrow().value();
        String changed = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        Answer stranger = assertNewGuest(changed);

        assertThat(stranger.json().path("id")).isNotEqualTo(owner.json().path("id"));
        Answer ownerAgain = request("GET", "/api/cart", token, null);
        assertThat(ownerAgain.json()).isEqualTo(owner.json());
    }

    @Test
    void aMutationWithAForgedCookieActsForANewGuest() {
        long product = newProduct("Cookie test rug", 9900, 10).id();
        String forged = "forged-" + UUID.randomUUID();

        Answer answer = request("POST", "/api/cart/items", forged, "{\"productId\":" + product + ",\"quantity\":1}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        String token = answer.shopperCookie().orElseThrow().value();
        assertThat(token).isNotEqualTo(forged);
        assertThat(request("GET", "/api/cart", token, null).json()).isEqualTo(answer.json());
    }

    // --- one guest, one cart ---------------------------------------------------------------------------------

    @Test
    void twoShoppersNeverSeeEachOthersCart() {
        long mug = newProduct("Cookie test mug", 1200, 10).id();
        long bowl = newProduct("Cookie test bowl", 1900, 10).id();
        Shopper alice = newShopper();
        Shopper bob = newShopper();

        JsonNode aliceCart = ok(alice.post("/api/cart/items", "{\"productId\":" + mug + ",\"quantity\":2}"));
        JsonNode bobCart = ok(bob.post("/api/cart/items", "{\"productId\":" + bowl + ",\"quantity\":1}"));

        assertThat(aliceCart.path("id")).isNotEqualTo(bobCart.path("id"));
        assertThat(productIds(ok(alice.get("/api/cart")))).containsExactly(mug);
        assertThat(productIds(ok(bob.get("/api/cart")))).containsExactly(bowl);

        long aliceLine = aliceCart.path("items").path(0).path("id").asLong();
        assertThat(bob.put("/api/cart/items/" + aliceLine, "{\"quantity\":5}").status()).isEqualTo(404);
        assertThat(bob.patch("/api/cart/items/" + aliceLine, "{\"selected\":false}").status()).isEqualTo(404);
        assertThat(bob.delete("/api/cart/items/" + aliceLine).status()).isEqualTo(404);
        assertThat(ok(bob.patch("/api/cart/selection", "{\"selected\":false}")).path("items").size()).isOne();

        assertThat(ok(alice.get("/api/cart"))).isEqualTo(aliceCart);
        assertThat(productIds(ok(bob.get("/api/cart")))).containsExactly(bowl);
    }

    @Test
    void aNewGuestStartsWithAnEmptyCart() {
        JsonNode cart = ok(newShopper().get("/api/cart"));

        assertThat(cart.path("version").asLong()).isZero();
        assertThat(cart.path("items").size()).isZero();
        assertThat(cart.path("totals").path("total").asLong()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The forged cookie gets a new token, an empty cart of its own, and the new token works. */
    private Answer assertNewGuest(String forged) {
        Answer answer = request("GET", "/api/cart", forged, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        SetCookie cookie = answer.shopperCookie().orElseThrow();
        assertThat(cookie.value()).isNotEqualTo(forged).matches(SIGNED);
        assertThat(answer.json().path("items").size()).isZero();
        assertThat(answer.json().path("version").asLong()).isZero();

        Answer again = request("GET", "/api/cart", cookie.value(), null);
        assertThat(again.shopperCookie()).isEmpty();
        assertThat(again.json().path("id")).isEqualTo(answer.json().path("id"));
        return answer;
    }

    /** One request carrying exactly this shopper cookie (none when null); {@code headers} are name, value pairs. */
    private Answer request(String method, String path, @Nullable String cookie, @Nullable String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", COOKIE + "=" + cookie);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> lowerCase = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), lowerCase, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private boolean exists(String table, String column, UUID id) {
        return jdbc.sql("select exists (select 1 from " + table + " where " + column + " = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    /** The tables with a row whose text form contains {@code text}. */
    private List<String> rowsContaining(String text) {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
                .query(String.class)
                .list();
        assertThat(tables).contains("shopper", "cart", "cart_item", "idempotency_key");
        return tables.stream()
                .filter(table -> jdbc.sql("select exists (select 1 from \"" + table + "\" t where strpos(t::text, :text) > 0)")
                        .param("text", text)
                        .query(Boolean.class)
                        .single())
                .toList();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> productIds(JsonNode cart) {
        return cart.path("items").valueStream().map(item -> item.path("productId").asLong()).toList();
    }

    private static JsonNode ok(Shopper.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A Set-Cookie header: the value and the attributes, attribute names in lower case. */
    private record SetCookie(String value, Map<String, String> attributes) {

        static Optional<SetCookie> of(List<String> headers) {
            return headers.stream()
                    .filter(header -> header.startsWith(COOKIE + "="))
                    .findFirst()
                    .map(header -> {
                        String[] parts = header.split(";");
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 1; i < parts.length; i++) {
                            String[] attribute = parts[i].strip().split("=", 2);
                            attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
                        }
                        return new SetCookie(parts[0].substring(COOKIE.length() + 1), attributes);
                    });
        }
    }

    private record Answer(int status, Map<String, List<String>> headers, String body) {

        Optional<SetCookie> shopperCookie() {
            List<String> cookies = headers.getOrDefault("set-cookie", List.of());
            assertThat(cookies.stream().filter(cookie -> cookie.startsWith(COOKIE + "="))).as("shopper cookies set")
                    .hasSizeLessThanOrEqualTo(1);
            return SetCookie.of(cookies);
        }

        JsonNode json() {
            return Shopper.JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
