package dev.cartwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The catalog as the storefront reads it: cursor pages, search, live availability, single
 * products, the demo catalog and its pictures, and the operational endpoints beside them.
 * Other tests add products to the same database, so every search here is scoped by a token
 * that only this test's product names contain.
 */
class CatalogApiTest extends ServiceTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Shopper visitor;
    private String token;

    @BeforeEach
    void setUp() {
        visitor = newShopper();
        // Letters only, so that upper and lower case differ; unique to this test method.
        token = "ct" + RANDOM.ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    // --- pages -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 2, 3, 6, 7, 8, 100})
    void pagesWalkEveryMatchingProductExactlyOnceInIdOrder(int limit) {
        List<Long> created = createProducts(7);

        List<JsonNode> pages = walk(token, limit);

        List<Long> seen = pages.stream().flatMap(page -> page.path("items").valueStream())
                .map(item -> item.path("id").asLong()).toList();
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(seen).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(pages).hasSize(Math.max(1, (7 + limit - 1) / limit));
        pages.forEach(page -> assertThat(page.path("items").size()).isLessThanOrEqualTo(limit));
        assertThat(pages.getLast().path("nextCursor").isNull()).isTrue();
        pages.subList(0, pages.size() - 1).forEach(page -> assertThat(page.path("nextCursor").asString()).isNotBlank());
    }

    @Test
    void aSearchWithoutMatchesIsOneEmptyLastPage() {
        JsonNode page = ok(visitor.get(products("q", token + "-nothing-is-called-this")));

        assertThat(page.path("items").isArray()).isTrue();
        assertThat(page.path("items").size()).isZero();
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theDefaultPageHas24Products() {
        List<Long> created = createProducts(25);

        JsonNode first = ok(visitor.get(products("q", token)));
        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 24));
        assertThat(first.path("nextCursor").asString()).isNotBlank();

        JsonNode second = ok(visitor.get(products("q", token, "cursor", first.path("nextCursor").asString())));
        assertThat(ids(second)).containsExactly(created.get(24));
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aPageHoldsAtMost100Products() {
        List<Long> created = createProducts(101);

        JsonNode first = ok(visitor.get(products("q", token, "limit", "100")));
        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 100));

        JsonNode second = ok(visitor.get(products("q", token, "limit", "100", "cursor", first.path("nextCursor").asString())));
        assertThat(ids(second)).containsExactly(created.get(100));
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "101", "abc", "1.5", "99999999999"})
    void aLimitOutside1To100IsRefused(String limit) {
        Shopper.Response response = visitor.get(products("limit", limit));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().path("detail").asString()).contains("limit");
    }

    // --- search ----------------------------------------------------------------------------------------------

    @Test
    void searchIsACaseInsensitiveSubstringOfTheName() {
        long widget = newProduct(token + " Blue Garden Widget", 1000, 5).id();
        long other = newProduct(token + " Red Kettle", 1000, 5).id();

        assertThat(search("blue garden")).contains(widget).doesNotContain(other);
        assertThat(search("BLUE GARDEN")).contains(widget).doesNotContain(other);
        assertThat(search("arden wid")).contains(widget).doesNotContain(other);
        assertThat(search(token.toUpperCase(Locale.ROOT))).containsExactly(widget, other);
        assertThat(search("  " + token + "  ")).as("surrounding blanks are ignored").containsExactly(widget, other);
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        long percent = newProduct(token + " 50% Off Mug", 1000, 5).id();
        long fifty = newProduct(token + " 50 Mug Off", 1000, 5).id();
        long underscore = newProduct(token + " snake_case Mug", 1000, 5).id();
        long snake = newProduct(token + " snakeXcase Mug", 1000, 5).id();
        long backslash = newProduct(token + " back\\slash Mug", 1000, 5).id();
        long plain = newProduct(token + " backslash Mug", 1000, 5).id();

        assertThat(search(token + " 50%")).containsExactly(percent);
        assertThat(search("%")).contains(percent).doesNotContain(fifty, underscore, snake, backslash, plain);
        assertThat(search("snake_case")).contains(underscore).doesNotContain(snake);
        assertThat(search(token + " _")).isEmpty();
        assertThat(search(token + " back\\slash")).containsExactly(backslash);
    }

    @Test
    void aSearchOf100CharactersIsAllowedAndOneOf101IsRefused() {
        String hundred = token + " Long Name " + "x".repeat(100 - token.length() - 11);
        assertThat(hundred).hasSize(100);
        long product = newProduct(hundred, 1000, 5).id();

        assertThat(ids(ok(visitor.get(products("q", hundred))))).containsExactly(product);
        assertProblem(visitor.get(products("q", hundred + "x")), 400, "VALIDATION_FAILED");
    }

    // --- cursors ---------------------------------------------------------------------------------------------

    @Test
    void aCursorTheServiceDidNotIssueIsRefused() {
        createProducts(3);
        String cursor = ok(visitor.get(products("q", token, "limit", "1"))).path("nextCursor").asString();
        assertThat(ok(visitor.get(products("q", token, "limit", "1", "cursor", cursor))).path("items").size()).isOne();

        List<String> forged = new ArrayList<>(List.of(
                "garbage",
                "!!!not-base64!!!",
                cursor.substring(0, cursor.length() - 1),
                cursor.substring(0, cursor.length() - 4),
                cursor + "AAAA",
                "A".repeat(cursor.length())));
        for (int i = 0; i < cursor.length(); i++) {
            forged.add(flip(cursor, i));
        }
        for (String bad : forged) {
            assertProblem(visitor.get(products("q", token, "limit", "1", "cursor", bad)), 400, "INVALID_CURSOR");
        }
    }

    @Test
    void aCursorFromAnotherSearchIsRefused() {
        createProducts(3);
        String cursor = ok(visitor.get(products("q", token, "limit", "1"))).path("nextCursor").asString();

        assertProblem(visitor.get(products("q", token + "x", "limit", "1", "cursor", cursor)), 400, "INVALID_CURSOR");
        assertProblem(visitor.get(products("limit", "1", "cursor", cursor)), 400, "INVALID_CURSOR");

        String unfiltered = ok(visitor.get(products("limit", "1"))).path("nextCursor").asString();
        assertProblem(visitor.get(products("q", token, "limit", "1", "cursor", unfiltered)), 400, "INVALID_CURSOR");
    }

    @Test
    void aCursorMayComeWithAnotherLimit() {
        List<Long> created = createProducts(5);
        String cursor = ok(visitor.get(products("q", token, "limit", "2"))).path("nextCursor").asString();

        assertThat(ids(ok(visitor.get(products("q", token, "limit", "3", "cursor", cursor)))))
                .containsExactlyElementsOf(created.subList(2, 5));
    }

    // --- availability and single products ---------------------------------------------------------------------

    @Test
    void availableIsOnHandMinusReservedRightNow() {
        Product product = newProduct(token + " Scarce Lamp", 4500, 10);
        assertThat(availableInList(product.id())).isEqualTo(10);

        reserve(product.id(), 7);
        assertThat(availableInList(product.id())).isEqualTo(3);
        assertThat(ok(visitor.get("/api/products/" + product.id())).path("available").asInt()).isEqualTo(3);

        reserve(product.id(), 10);
        assertThat(availableInList(product.id())).isZero();
        assertThat(ok(visitor.get("/api/products/" + product.id())).path("available").asInt()).isZero();

        reserve(product.id(), 0);
        assertThat(availableInList(product.id())).isEqualTo(10);
    }

    @Test
    void aProductIsFoundByItsId() {
        Product product = newProduct(token + " Walnut Tray", 3250, 4);

        JsonNode found = ok(visitor.get("/api/products/" + product.id()));

        assertThat(found.path("id").asLong()).isEqualTo(product.id());
        assertThat(found.path("name").asString()).isEqualTo(token + " Walnut Tray");
        assertThat(found.path("description").asString()).isEqualTo(product.description());
        assertThat(found.path("unitPrice").asLong()).isEqualTo(3250);
        assertThat(found.path("currency").asString()).isEqualTo("EUR");
        assertThat(found.path("imageUrl").asString()).isEqualTo(product.imageUrl());
        assertThat(found.path("available").asInt()).isEqualTo(4);
        assertThat(found.has("sku")).as("the sku is internal").isFalse();
    }

    @Test
    void anUnknownProductIsNotFound() {
        long missing = jdbc.sql("select coalesce(max(id), 0) + 1000000 from product").query(Long.class).single();

        assertProblem(visitor.get("/api/products/" + missing), 404, "PRODUCT_NOT_FOUND");
        assertProblem(visitor.get("/api/products/0"), 404, "PRODUCT_NOT_FOUND");
        assertProblem(visitor.get("/api/products/-5"), 404, "PRODUCT_NOT_FOUND");
    }

    @ParameterizedTest(name = "/api/products/{0}")
    @ValueSource(strings = {"abc", "1.5", "99999999999999999999", "1e3"})
    void anIdThatCannotExistIsNotFound(String id) {
        Shopper.Response response = visitor.get("/api/products/" + id);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isIn("NOT_FOUND", "PRODUCT_NOT_FOUND");
    }

    // --- the demo catalog ------------------------------------------------------------------------------------

    @Test
    void theDemoCatalogHasAtLeast24ProductsSomeOfThemScarce() {
        List<JsonNode> demo = walk("", 100).stream()
                .flatMap(page -> page.path("items").valueStream())
                .filter(item -> item.path("imageUrl").asString().startsWith("/images/demo/"))
                .toList();

        assertThat(demo).hasSizeGreaterThanOrEqualTo(24);
        assertThat(demo).anySatisfy(item -> assertThat(item.path("available").asInt()).isBetween(1, 3));
        assertThat(demo).allSatisfy(item -> {
            assertThat(item.path("name").asString()).isNotBlank();
            assertThat(item.path("unitPrice").asLong()).isPositive();
            assertThat(item.path("currency").asString()).isEqualTo("EUR");
        });
    }

    @Test
    void theFirstPageOfTheWholeCatalogIsFull() {
        JsonNode page = ok(visitor.get("/api/products"));

        assertThat(page.path("items").size()).isEqualTo(24);
        assertThat(page.path("nextCursor").asString()).isNotBlank();
    }

    @Test
    void demoPicturesAreServedAsCacheableSvg() {
        JsonNode product = ok(visitor.get("/api/products?limit=100")).path("items").valueStream()
                .filter(item -> item.path("imageUrl").asString().startsWith("/images/demo/"))
                .findFirst().orElseThrow();

        Shopper.Response image = visitor.get(product.path("imageUrl").asString());

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/svg+xml");
        assertThat(image.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        assertThat(image.body()).startsWith("<svg").contains("</svg>");
        assertThat(image.header("Set-Cookie")).isEmpty();
    }

    @Test
    void aPictureOfAnUnknownSkuIsNotFound() {
        assertThat(visitor.get("/images/demo/" + token + ".svg").status()).isEqualTo(404);
        assertThat(visitor.get("/images/demo/..%2Fcatalog%2Fdemo-catalog.json.svg").status()).isIn(400, 404);
    }

    // --- operations and the API document ---------------------------------------------------------------------

    @Test
    void healthIsUp() {
        Shopper.Response health = visitor.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreServedInThePrometheusTextFormatToOperatorsOnly() {
        assertThat(visitor.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(visitor.get("/actuator/prometheus", "Authorization", "Bearer wrong").status()).isEqualTo(401);

        Shopper.Response metrics = visitor.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN_TOKEN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE ").contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiDocumentListsTheCartAndCatalogWithoutAShopperParameter() {
        Shopper.Response docs = visitor.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.propertyNames()).contains(
                "/api/products", "/api/products/{id}", "/api/cart", "/api/cart/items", "/api/cart/items/{id}",
                "/api/cart/selection");
        assertThat(paths.path("/api/products").path("get").path("parameters").valueStream()
                .map(parameter -> parameter.path("name").asString()))
                .containsExactlyInAnyOrder("cursor", "limit", "q");

        List<JsonNode> parameters = paths.valueStream()
                .flatMap(path -> path.valueStream())
                .flatMap(operation -> operation.path("parameters").valueStream())
                .toList();
        assertThat(parameters).noneSatisfy(parameter ->
                assertThat(parameter.path("name").asString()).isIn("shopper", "shopperId"));
        List<JsonNode> cartQueryParameters = paths.properties().stream()
                .filter(path -> path.getKey().startsWith("/api/cart"))
                .flatMap(path -> path.getValue().valueStream())
                .flatMap(operation -> operation.path("parameters").valueStream())
                .filter(parameter -> parameter.path("in").asString().equals("query"))
                .toList();
        assertThat(cartQueryParameters).as("the shopper comes from the cookie, not from a parameter").isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Products named with this test's token, in the order of their ids. */
    private List<Long> createProducts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> newProduct(token + " Item " + i, 100 + i, 5).id())
                .toList();
    }

    /** Every page of a search, following nextCursor from the first page to the last. */
    private List<JsonNode> walk(String q, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            JsonNode page = ok(visitor.get(cursor == null
                    ? products("q", q, "limit", "" + limit)
                    : products("q", q, "limit", "" + limit, "cursor", cursor)));
            pages.add(page);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            assertThat(pages).as("pages walked").hasSizeLessThan(1000);
        } while (cursor != null);
        return pages;
    }

    private List<Long> search(String q) {
        return walk(q, 100).stream().flatMap(page -> ids(page).stream()).toList();
    }

    private int availableInList(long productId) {
        return walk(token, 100).stream()
                .flatMap(page -> page.path("items").valueStream())
                .filter(item -> item.path("id").asLong() == productId)
                .findFirst().orElseThrow()
                .path("available").asInt();
    }

    private void reserve(long productId, int reserved) {
        jdbc.sql("update stock set reserved = :reserved where product_id = :id")
                .param("reserved", reserved)
                .param("id", productId)
                .update();
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asLong()).toList();
    }

    /** {@code /api/products} with these query parameters (name, value pairs), properly encoded. */
    private static String products(String... parameters) {
        StringBuilder path = new StringBuilder("/api/products");
        for (int i = 0; i < parameters.length; i += 2) {
            path.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    /** The cursor with one character replaced by another of the base64url alphabet. */
    private static String flip(String cursor, int index) {
        char c = cursor.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return cursor.substring(0, index) + replacement + cursor.substring(index + 1);
    }

    private static JsonNode ok(Shopper.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Set-Cookie")).as("catalog reads need no shopper").isEmpty();
        return response.json();
    }

    private static void assertProblem(Shopper.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }
}
