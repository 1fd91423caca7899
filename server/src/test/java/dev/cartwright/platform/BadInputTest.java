package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad input to the cart's mutations: every request here is refused with a 4xx
 * problem+json that has a stable code and a detail a shopper can read, and leaves the cart
 * exactly as it was. None of them may answer 5xx.
 */
class BadInputTest extends ServiceTest {

    private static final int MAX_BYTES = 16384;

    /** Java class names, stack traces and parser jargon have no place in what a shopper reads. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*"),
            Pattern.compile("\\bat [\\w.$]+\\("),
            Pattern.compile("Exception|Throwable|Error:"),
            Pattern.compile("JSON parse error|Cannot deserialize|Unrecognized token|Unexpected character"
                    + "|Cannot construct|\\[Source:|line: \\d|column: \\d|MismatchedInput|JsonToken"),
            Pattern.compile("\\b(?:AddItem|SetQuantity|Selection|CartController|java|jackson|springframework)\\b"),
            Pattern.compile("\\$"));

    // --- the cases -------------------------------------------------------------------------------------------

    /**
     * A request the service must refuse. {@code {line}} in the path and {@code {product}} in the
     * path or body stand for the fixture's first cart line and its product.
     */
    record Bad(String name, String method, String path, @Nullable String contentType, @Nullable String body,
            List<String> headers, int status, String code, @Nullable String field, int padTo) {

        Bad(String name, String method, String path, @Nullable String contentType, @Nullable String body,
                List<String> headers, int status, String code, @Nullable String field) {
            this(name, method, path, contentType, body, headers, status, code, field, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ADD = "/api/cart/items";
    private static final String LINE = "/api/cart/items/{line}";
    private static final String SELECTION = "/api/cart/selection";
    private static final String JSON = "application/json";

    /** The four mutations that take a body, each with a body it would accept. */
    private record Mutation(String method, String path, String validBody) {}

    private static final List<Mutation> WITH_BODY = List.of(
            new Mutation("POST", ADD, "{\"productId\":{product},\"quantity\":1}"),
            new Mutation("PUT", LINE, "{\"quantity\":5}"),
            new Mutation("PATCH", LINE, "{\"selected\":false}"),
            new Mutation("PATCH", SELECTION, "{\"selected\":true}"));

    private static final List<Mutation> ALL = Stream.concat(WITH_BODY.stream(),
            Stream.of(new Mutation("DELETE", LINE, null))).toList();

    static Stream<Bad> badRequests() {
        List<Bad> cases = new ArrayList<>();
        for (Mutation m : WITH_BODY) {
            String on = m.method() + " " + m.path() + ": ";
            // Not JSON, or JSON that is not an object.
            for (String body : List.of("{", "{\"quantity\":", "{\"productId\":1,}", "not json", "{'quantity':1}",
                    m.validBody() + " x", m.validBody() + "}", "[]", "[" + m.validBody() + "]", "null", "3",
                    "\"text\"", "true", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000))) {
                cases.add(bad(on + "body " + abbreviate(body), m, JSON, body, 400, "MALFORMED_JSON", null));
            }
            cases.add(bad(on + "empty body", m, JSON, "", 400, "MALFORMED_JSON", null));
            cases.add(bad(on + "no body at all", m, JSON, null, 400, "MALFORMED_JSON", null));
            cases.add(bad(on + "invalid UTF-8", m, JSON, "{\"\uDBFF\":1}", 400, "MALFORMED_JSON", null));
            cases.add(bad(on + "empty object", m, JSON, "{}", 400, "VALIDATION_FAILED", null));
            // Not JSON at all, by its Content-Type.
            cases.add(bad(on + "text/plain", m, "text/plain", m.validBody(), 415, "UNSUPPORTED_MEDIA_TYPE", null));
            cases.add(bad(on + "no Content-Type", m, null, m.validBody(), 415, "UNSUPPORTED_MEDIA_TYPE", null));
            cases.add(bad(on + "form", m, "application/x-www-form-urlencoded", "quantity=1", 415,
                    "UNSUPPORTED_MEDIA_TYPE", null));
            cases.add(bad(on + "JSON in an unknown charset", m, JSON + ";charset=klingon", m.validBody(), 415,
                    "UNSUPPORTED_MEDIA_TYPE", null));
            // Too large: valid JSON padded with whitespace, so that only its size is wrong.
            cases.add(new Bad(on + "body of the limit + 1", m.method(), m.path(), JSON, m.validBody(), List.of(),
                    413, "PAYLOAD_TOO_LARGE", null, MAX_BYTES + 1));
            cases.add(new Bad(on + "body far over the limit", m.method(), m.path(), JSON, m.validBody(), List.of(),
                    413, "PAYLOAD_TOO_LARGE", null, 200_000));
        }

        // The fields, one by one.
        for (Mutation m : List.of(WITH_BODY.get(0), WITH_BODY.get(1))) {
            String on = m.method() + " " + m.path() + ": ";
            String product = m.method().equals("POST") ? "\"productId\":{product}," : "";
            for (String quantity : List.of("\"3\"", "1.5", "1.0", "true", "1e20", "2147483648", "-2147483649",
                    "{}", "[1]", "\"\"")) {
                cases.add(bad(on + "quantity " + quantity, m, JSON, "{" + product + "\"quantity\":" + quantity + "}",
                        400, "VALIDATION_FAILED", "quantity"));
            }
            cases.add(bad(on + "quantity missing", m, JSON, "{" + product.replace(",", "") + "}",
                    400, "VALIDATION_FAILED", "quantity"));
            cases.add(bad(on + "quantity null", m, JSON, "{" + product + "\"quantity\":null}",
                    400, "VALIDATION_FAILED", "quantity"));
            for (String quantity : List.of("0", "-1", "-2147483648", "100", "2147483647")) {
                cases.add(bad(on + "quantity " + quantity, m, JSON, "{" + product + "\"quantity\":" + quantity + "}",
                        400, "VALIDATION_FAILED", "quantity"));
            }
            cases.add(bad(on + "a number too long to read", m, JSON, "{" + product + "\"quantity\":1" + "0".repeat(1200) + "}",
                    400, "MALFORMED_JSON", null));
        }
        Mutation add = WITH_BODY.get(0);
        for (String productId : List.of("\"{product}\"", "1.5", "true", "1e20", "9223372036854775808", "{}", "[]")) {
            cases.add(bad("POST /api/cart/items: productId " + productId, add, JSON,
                    "{\"productId\":" + productId + ",\"quantity\":1}", 400, "VALIDATION_FAILED", "productId"));
        }
        cases.add(bad("POST /api/cart/items: productId missing", add, JSON, "{\"quantity\":1}",
                400, "VALIDATION_FAILED", "productId"));
        cases.add(bad("POST /api/cart/items: productId null", add, JSON, "{\"productId\":null,\"quantity\":1}",
                400, "VALIDATION_FAILED", "productId"));
        for (String productId : List.of("0", "-1", "2147483648", "9223372036854775807")) {
            cases.add(bad("POST /api/cart/items: unknown productId " + productId, add, JSON,
                    "{\"productId\":" + productId + ",\"quantity\":1}", 422, "UNKNOWN_PRODUCT", null));
        }
        for (Mutation m : List.of(WITH_BODY.get(2), WITH_BODY.get(3))) {
            String on = m.method() + " " + m.path() + ": ";
            for (String selected : List.of("\"true\"", "\"yes\"", "1", "0", "1.5", "{}", "[true]", "\"\"")) {
                cases.add(bad(on + "selected " + selected, m, JSON, "{\"selected\":" + selected + "}",
                        400, "VALIDATION_FAILED", "selected"));
            }
            cases.add(bad(on + "selected null", m, JSON, "{\"selected\":null}", 400, "VALIDATION_FAILED", "selected"));
            cases.add(bad(on + "selected missing", m, JSON, "{\"select\":true}", 400, "VALIDATION_FAILED", "selected"));
        }

        // Headers and addresses, for every mutation.
        for (Mutation m : ALL) {
            String on = m.method() + " " + m.path() + ": ";
            String type = m.validBody() == null ? null : JSON;
            for (String ifMatch : List.of("abc", "1", "\"abc\"", "\"-1\"", "\"1.5\"", "\"1\" \"2\"", "\"12345678901234567890\"", "W/\"1\"")) {
                cases.add(new Bad(on + "If-Match " + ifMatch, m.method(), m.path(), type, m.validBody(),
                        List.of("If-Match", ifMatch), 400, "INVALID_IF_MATCH", null));
            }
            for (String key : List.of("", "k".repeat(256), "two words", " ")) {
                cases.add(new Bad(on + "Idempotency-Key '" + abbreviate(key) + "'", m.method(), m.path(), type,
                        m.validBody(), List.of("Idempotency-Key", key), 400, "INVALID_IDEMPOTENCY_KEY", null));
            }
            if (m.path().equals(LINE)) {
                for (String id : List.of("abc", "1.5", "99999999999999999999", "-")) {
                    cases.add(new Bad(on + "line id " + id, m.method(), m.path().replace("{line}", id), type,
                            m.validBody(), List.of(), 404, "NOT_FOUND", null));
                }
                cases.add(new Bad(on + "a line that does not exist", m.method(), m.path().replace("{line}", "9223372036854775807"),
                        type, m.validBody(), List.of(), 404, "CART_ITEM_NOT_FOUND", null));
            }
        }

        // Methods the addresses do not accept.
        cases.add(new Bad("GET /api/cart/items", "GET", ADD, null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("PUT /api/cart/items", "PUT", ADD, JSON, "{\"quantity\":5}", List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("DELETE /api/cart/items", "DELETE", ADD, null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("POST /api/cart/items/{line}", "POST", LINE, JSON, "{\"productId\":{product},\"quantity\":1}",
                List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("GET /api/cart/items/{line}", "GET", LINE, null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("POST /api/cart/selection", "POST", SELECTION, JSON, "{\"selected\":true}", List.of(), 405,
                "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("PUT /api/cart/selection", "PUT", SELECTION, JSON, "{\"selected\":true}", List.of(), 405,
                "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("DELETE /api/cart/selection", "DELETE", SELECTION, null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("PUT /api/cart", "PUT", "/api/cart", JSON, "{}", List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("DELETE /api/cart", "DELETE", "/api/cart", null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        cases.add(new Bad("BREW /api/cart", "BREW", "/api/cart", null, null, List.of(), 405, "METHOD_NOT_ALLOWED", null));
        return cases.stream();
    }

    private static Bad bad(String name, Mutation m, @Nullable String contentType, @Nullable String body, int status,
            String code, @Nullable String field) {
        return new Bad(name, m.method(), m.path(), contentType, body, List.of(), status, code, field);
    }

    // --- the tests -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAProblemAndChangesNothing(Bad bad) {
        Fixture cart = fixture();

        Answer answer = cart.send(bad);

        assertRefused(answer, bad.status(), bad.code());
        if (bad.field() != null) {
            assertThat(answer.json().path("errors").valueStream().map(error -> error.path("field").asString()))
                    .as(answer.toString()).contains(bad.field());
        }
        if (bad.status() == 405) {
            assertThat(answer.headers()).as("405 says what is allowed").containsKey("allow");
        }
        cart.assertUnchanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyMutations")
    void aChunkedBodyOverTheLimitIsRefused(String method, String path, String validBody) {
        Fixture cart = fixture();
        byte[] body = padded(validBody.replace("{product}", "" + cart.product()), MAX_BYTES + 1)
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = cart.send(HttpRequest.newBuilder(cart.uri(path))
                .header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertRefused(answer, 413, "PAYLOAD_TOO_LARGE");
        cart.assertUnchanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyMutations")
    void aBodyOfExactlyTheLimitIsAccepted(String method, String path, String validBody) {
        Fixture cart = fixture();
        String body = padded(validBody.replace("{product}", "" + cart.product()), MAX_BYTES);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BYTES);

        Answer answer = cart.send(HttpRequest.newBuilder(cart.uri(path))
                .header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("version").asLong()).isEqualTo(cart.before().path("version").asLong() + 1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyMutations")
    void aChunkedBodyWithinTheLimitIsAccepted(String method, String path, String validBody) {
        Fixture cart = fixture();
        byte[] body = padded(validBody.replace("{product}", "" + cart.product()), 4000).getBytes(StandardCharsets.UTF_8);

        Answer answer = cart.send(HttpRequest.newBuilder(cart.uri(path))
                .header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    static Stream<Arguments> bodyMutations() {
        return WITH_BODY.stream().map(m -> Arguments.of(m.method(), m.path(), m.validBody()));
    }

    /** Bytes outside visible ASCII cannot be sent with java.net.http, so these go over a plain socket. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allMutations")
    void anIdempotencyKeyOutsideVisibleAsciiIsRefused(String method, String path, @Nullable String validBody) {
        for (byte[] key : List.of("cl\u00e9-1".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
                new byte[] {'k', (byte) 0xA0, 'y'}, new byte[] {'a', '\t', 'b'})) {
            Fixture cart = fixture();

            Answer answer = cart.raw(method, path, validBody, "Idempotency-Key", key);

            assertRefused(answer, 400, "INVALID_IDEMPOTENCY_KEY");
            cart.assertUnchanged();
        }
    }

    static Stream<Arguments> allMutations() {
        return ALL.stream().map(m -> Arguments.of(m.method(), m.path(), m.validBody()));
    }

    @Test
    void theRawSocketClientSendsWhatTheServiceAccepts() {
        Fixture cart = fixture();

        Answer answer = cart.raw("PUT", LINE, "{\"quantity\":5}", "Idempotency-Key", "visible-ascii-1".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("items").path(0).path("quantity").asInt()).isEqualTo(5);
    }

    @Test
    void anIdempotencyKeyOf255VisibleCharactersIsAccepted() {
        Fixture cart = fixture();
        String key = "!~" + "k".repeat(253);

        Answer answer = cart.send(new Bad("255", "PUT", LINE, JSON, "{\"quantity\":5}",
                List.of("Idempotency-Key", key), 200, "", null));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aLineOfAnotherShopperIsNotFoundAndStaysAsItWas() {
        Fixture mine = fixture();
        Fixture theirs = fixture();
        String theirLine = "/api/cart/items/" + theirs.line();

        for (Answer answer : List.of(
                mine.send(new Bad("put", "PUT", theirLine, JSON, "{\"quantity\":7}", List.of(), 404, "", null)),
                mine.send(new Bad("patch", "PATCH", theirLine, JSON, "{\"selected\":false}", List.of(), 404, "", null)),
                mine.send(new Bad("delete", "DELETE", theirLine, null, null, List.of(), 404, "", null)))) {
            assertRefused(answer, 404, "CART_ITEM_NOT_FOUND");
        }
        mine.assertUnchanged();
        theirs.assertUnchanged();
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheCurrentCart() {
        Fixture cart = fixture();
        long version = cart.before().path("version").asLong();

        Answer answer = cart.send(new Bad("stale", "PUT", LINE, JSON, "{\"quantity\":5}",
                List.of("If-Match", "\"" + (version - 1) + "\""), 412, "", null));

        assertRefused(answer, 412, "VERSION_MISMATCH");
        assertThat(answer.json().path("cart")).isEqualTo(cart.before());
        cart.assertUnchanged();
    }

    // --- the fixture -----------------------------------------------------------------------------------------

    /**
     * A new shopper whose cart has two lines of products of this test's own: the first
     * selected with 2 units, the second deselected with 1, so that every kind of change shows.
     */
    private Fixture fixture() {
        Shopper shopper = newShopper();
        Shopper.Response first = shopper.get("/api/cart");
        assertThat(first.status()).isEqualTo(200);
        String cookie = first.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        long product = newProduct("Bad input test kettle", 2500, 50).id();
        long other = newProduct("Bad input test mug", 900, 50).id();
        ok(shopper.post(ADD, "{\"productId\":" + product + ",\"quantity\":2}"));
        JsonNode cart = ok(shopper.post(ADD, "{\"productId\":" + other + ",\"quantity\":1}"));
        long line = cart.path("items").path(0).path("id").asLong();
        long otherLine = cart.path("items").path(1).path("id").asLong();
        JsonNode before = ok(shopper.patch("/api/cart/items/" + otherLine, "{\"selected\":false}"));
        assertThat(before.path("items").path(0).path("productId").asLong()).isEqualTo(product);
        return new Fixture(shopper, cookie, product, line, before, port);
    }

    private record Fixture(Shopper shopper, String cookie, long product, long line, JsonNode before, int port) {

        URI uri(String path) {
            return shopper.base().resolve(path.replace("{line}", "" + line));
        }

        Answer send(Bad bad) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(bad.path())).timeout(Duration.ofSeconds(30));
            if (bad.contentType() != null) {
                request.header("Content-Type", bad.contentType());
            }
            for (int i = 0; i < bad.headers().size(); i += 2) {
                request.header(bad.headers().get(i), bad.headers().get(i + 1));
            }
            if (bad.body() == null) {
                request.method(bad.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                String body = bad.body().replace("{product}", "" + product);
                byte[] content = bytes(bad.padTo() > 0 ? padded(body, bad.padTo()) : body);
                assertThat(bad.padTo()).isIn(0, content.length);
                request.method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(content));
            }
            return send(request);
        }

        Answer send(HttpRequest.Builder request) {
            Shopper.Response response = shopper.send(request.timeout(Duration.ofSeconds(30)).build());
            Map<String, String> headers = new LinkedHashMap<>();
            response.raw().headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            return new Answer(response.status(), headers, response.body());
        }

        /** One HTTP/1.1 request over a plain socket, with one header's value given as raw bytes. */
        Answer raw(String method, String path, @Nullable String body, String header, byte[] value) {
            byte[] content = body == null ? new byte[0] : bytes(body.replace("{product}", "" + product));
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(ascii(method + " " + uri(path).getRawPath() + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Cookie: " + cookie + "\r\n"
                    + "Connection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + content.length + "\r\n"
                    + header + ": "));
            request.writeBytes(value);
            request.writeBytes(ascii("\r\n\r\n"));
            request.writeBytes(content);
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.toByteArray());
                out.flush();
                return Answer.parse(socket.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The cart as the shopper reads it now is the very cart from before the bad request. */
        void assertUnchanged() {
            JsonNode now = ok(shopper.get("/api/cart"));
            assertThat(now.path("version").asLong()).as("cart version").isEqualTo(before.path("version").asLong());
            assertThat(now).as("cart").isEqualTo(before);
        }
    }

    /** A response, from java.net.http or from the plain socket; header names in lower case. */
    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return Shopper.JSON.readTree(body);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        static Answer parse(byte[] response) {
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":", 2);
                headers.putIfAbsent(header[0].strip().toLowerCase(Locale.ROOT), header[1].strip());
            }
            byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            InputStream in = new ByteArrayInputStream(chunked);
            try {
                while (true) {
                    StringBuilder size = new StringBuilder();
                    for (int c = in.read(); c != '\n'; c = in.read()) {
                        if (c < 0) {
                            throw new IllegalStateException("The chunked body ends early");
                        }
                        size.append((char) c);
                    }
                    int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
                    if (length == 0) {
                        return body.toByteArray();
                    }
                    body.writeBytes(in.readNBytes(length));
                    in.skipNBytes(2);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.get("content-type") + " " + body;
        }
    }

    // --- assertions and helpers ------------------------------------------------------------------------------

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asString()).as(answer.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as(answer.toString()).isNotBlank();
        for (Pattern leak : LEAKS) {
            assertThat(answer.body()).as("what a shopper reads").doesNotContainPattern(leak);
        }
    }

    private static JsonNode ok(Shopper.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The JSON with spaces before its closing brace, to exactly this many UTF-8 bytes. */
    private static String padded(String json, int bytes) {
        int missing = bytes - json.getBytes(StandardCharsets.UTF_8).length;
        return json.substring(0, json.length() - 1) + " ".repeat(missing) + "}";
    }

    /**
     * UTF-8, except that an unpaired high surrogate stands for the byte 0xFF, which UTF-8 never
     * contains: the way to write a body that is not valid UTF-8.
     */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split("\uDBFF", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(0xFF);
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
