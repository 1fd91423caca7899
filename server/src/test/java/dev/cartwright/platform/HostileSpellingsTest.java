package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.catalog.Product;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the API document, and the routes outside it, sent in every hostile spelling an
 * attacker would try. Each answer is a 4xx problem or what the normal spelling answers; never a
 * 5xx, and never an operator call without the token. New routes are covered as they appear.
 */
class HostileSpellingsTest extends ServiceTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Calls that only an operator may make: no spelling may reach them without the token. */
    private static final Pattern OPERATOR_ONLY = Pattern.compile("^/(api/admin|actuator)(/.*)?$");
    private static final List<Route> OUTSIDE_THE_DOCUMENT = List.of(
            new Route("GET", "/"), new Route("GET", "/checkout"), new Route("GET", "/join/{token}"),
            new Route("GET", "/orders"), new Route("GET", "/orders/{id}"),
            new Route("GET", "/ops"), new Route("GET", "/ops/products/{id}/drop"),
            new Route("GET", "/actuator/health"), new Route("GET", "/actuator/prometheus"), new Route("GET", "/actuator/metrics"),
            new Route("GET", "/actuator"), new Route("GET", "/v3/api-docs"), new Route("GET", "/ws"));

    private Product product;

    record Route(String method, String template) {}

    @BeforeEach
    void aProductToGuard() {
        product = newProduct("Guarded Vase", 4200, 7);
    }

    @Test
    void everyRouteInEveryHostileSpellingIsRefusedOrAnsweredAsItsNormalSpelling() {
        List<Route> routes = routes();
        assertThat(routes).as("the API document lists the routes").hasSizeGreaterThan(20);
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Route route : routes) {
            String path = fill(route.template());
            byte[] body = exampleBody(route).getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer normal = send(route.method(), path, body);
            softly.assertThat(normal.status()).as("%s %s, normal spelling: %s", route.method(), path, normal).isLessThan(500);
            softly.assertThat(normal.status() < 300 && OPERATOR_ONLY.matcher(path).matches() && !path.startsWith("/actuator/health"))
                    .as("reached without the token: %s %s", route.method(), path).isFalse();
            for (String spelling : spellings(path)) {
                RawHttp.Answer answer = send(route.method(), spelling, body);
                sent++;
                String what = route.method() + " " + spelling + " (normally " + normal.status() + "): " + answer;
                softly.assertThat(answer.status()).as(what).isLessThan(500);
                boolean asNormal = answer.status() == normal.status() && answer.contentType().equals(normal.contentType());
                if (answer.status() < 400) {
                    softly.assertThat(answer.status()).as(what).isEqualTo(normal.status());
                    softly.assertThat(OPERATOR_ONLY.matcher(path).matches() && !path.startsWith("/actuator/health"))
                            .as("reached without the token: " + what).isFalse();
                } else if (!asNormal) {
                    softly.assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(500);
        assertThat(stockOnHand()).as("no spelling set the stock").isEqualTo(7);
    }

    @Test
    void theSpellingsOfTheReportAreRefusedAndChangeNothing() {
        byte[] zero = "{\"stockOnHand\": 0}".getBytes(StandardCharsets.UTF_8);
        for (String target : List.of("/api/admin;x/products/%d/stock", "/api/%61dmin/products/%d/stock",
                "/api/admin/products;x/%d/stock", "/api/ADMIN/products/%d/stock", "/api/x/../admin/products/%d/stock",
                "/api/%2e%2e/api/admin/products/%d/stock", "/api/admin%2Fproducts/%d/stock", "//api/admin/products/%d/stock",
                "/api/admin/products/%d/stock/", "/api/admin/products/%d/stock;jsessionid=1", "/api\\admin/products/%d/stock")) {
            RawHttp.Answer answer = send("PUT", target.replace("%d", String.valueOf(product.id())), zero);
            assertThat(answer.status()).as(target + ": " + answer).isIn(400, 401, 404);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        }
        assertThat(stockOnHand()).isEqualTo(7);

        RawHttp.Answer cart = send("GET", "/%61pi/cart", new byte[0]);
        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.contentType()).startsWith("application/json");
    }

    @Test
    void aLargeBodyIsRefusedWhateverTheSpellingOfItsPath() {
        byte[] large = ("{\"padding\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Route route : routes()) {
            if (route.method().equals("GET") || route.method().equals("HEAD") || route.method().equals("OPTIONS")) {
                continue;
            }
            String path = fill(route.template());
            for (String spelling : List.of(path, encodeFirstLetters(path), encodeEverything(path))) {
                RawHttp.Answer answer = send(route.method(), spelling, large);
                assertThat(answer.status()).as(route.method() + " " + spelling + ": " + answer).isIn(400, 401, 413);
                assertThat(answer.contentType()).as(spelling).startsWith("application/problem+json");
            }
        }
    }

    private RawHttp.Answer send(String method, String target, byte[] body) {
        return body.length == 0
                ? RawHttp.send(port, method, target, body)
                : RawHttp.send(port, method, target, body, "Content-Type", "application/json");
    }

    private List<Route> routes() {
        JsonNode paths = newShopper().get("/v3/api-docs").json().path("paths");
        List<Route> routes = new ArrayList<>(OUTSIDE_THE_DOCUMENT);
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                routes.add(new Route(method.toUpperCase(Locale.ROOT), path.getKey()));
            }
        }
        return routes;
    }

    private String fill(String template) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = template.startsWith("/api/products") || template.startsWith("/api/admin/products")
                    ? String.valueOf(product.id())
                    : name.equals("id") && template.startsWith("/api/cart") ? "1"
                    : name.equals("sku") ? "stoneware-mug-sage" : UUID.randomUUID().toString();
            variable.appendReplacement(path, value);
        }
        return variable.appendTail(path).toString();
    }

    private String exampleBody(Route route) {
        if (route.method().equals("GET") || route.method().equals("DELETE") || route.method().equals("HEAD")
                || route.method().equals("OPTIONS") || route.template().endsWith("/share") || route.template().endsWith("/leave")) {
            return "";
        }
        return switch (route.template()) {
            case "/api/cart/items" -> "{\"productId\": " + product.id() + ", \"quantity\": 1}";
            case "/api/cart/items/{id}" -> route.method().equals("PUT") ? "{\"quantity\": 2}" : "{\"selected\": false}";
            case "/api/cart/selection" -> "{\"selected\": false}";
            case "/api/cart/join" -> "{\"token\": \"not-a-token\"}";
            case "/api/coupons/validate" -> "{\"code\": \"WELCOME10\"}";
            case "/api/checkouts" -> "{\"shippingAddress\": {\"name\": \"Ada Lovelace\", \"line1\": \"12 St James's Square\", "
                    + "\"city\": \"London\", \"postalCode\": \"SW1Y 4JH\", \"country\": \"GB\"}}";
            case "/api/checkouts/{id}/payment" -> "{\"method\": \"card\"}";
            case "/api/admin/products/{id}/stock" -> "{\"stockOnHand\": 0}";
            case "/pay/{sessionId}/complete" -> "{\"outcome\": \"paid\"}";
            default -> "{}";
        };
    }

    /** The spellings of a path that a filter comparing raw prefixes would have got wrong. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            spellings.add(withSegment(segments, i, segments[i] + ";x"));
            spellings.add(withSegment(segments, i, segments[i] + "."));
            spellings.add(withSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            spellings.add(withSegment(segments, i, "x/../" + segments[i]));
            spellings.add(withSegment(segments, i, "x/%2e%2e/" + segments[i]));
            spellings.add(withSegment(segments, i, "./" + segments[i]));
            spellings.add(withSegment(segments, i, "/" + segments[i]));
            if (!segments[i].isEmpty() && Character.isLetter(segments[i].charAt(0))) {
                spellings.add(withSegment(segments, i, "%" + Integer.toHexString(segments[i].charAt(0)) + segments[i].substring(1)));
            }
            if (i > 0) {
                String joined = String.join("/", List.of(segments).subList(0, i)) + "%s" + String.join("/", List.of(segments).subList(i, segments.length));
                spellings.add("/" + joined.formatted("%2F"));
                spellings.add("/" + joined.formatted("%2f"));
                spellings.add("/" + joined.formatted("\\"));
                spellings.add("/" + joined.formatted("%5C"));
            }
        }
        spellings.add(path.toUpperCase(Locale.ROOT));
        spellings.add(encodeFirstLetters(path));
        spellings.add(encodeEverything(path));
        spellings.add(path + "/");
        spellings.add(path + "%00");
        spellings.add(path + "%zz");
        spellings.add(path + "%20");
        spellings.add(path + ";jsessionid=x");
        spellings.add(path + "/..");
        return spellings;
    }

    private static String withSegment(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return "/" + String.join("/", copy);
    }

    private static String encodeFirstLetters(String path) {
        return Pattern.compile("/([a-z])").matcher(path).replaceAll(match -> "/%" + Integer.toHexString(match.group(1).charAt(0)));
    }

    private static String encodeEverything(String path) {
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            encoded.append(c == '/' ? "/" : "%" + String.format("%02X", (int) c));
        }
        return encoded.toString();
    }

    private int stockOnHand() {
        return jdbc.sql("select on_hand from stock where product_id = :id").param("id", product.id()).query(Integer.class).single();
    }
}
