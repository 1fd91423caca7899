package dev.cartwright.platform;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the web app's types are generated from (spec/openapi.json, openapi-typescript)
 * is the one the service serves, and the problems it documents are the ones it answers.
 */
class ApiDocumentTest extends ServiceTest {

    static final Path DOCUMENT = Path.of(System.getProperty("cartwright.spec-dir", "../spec"), "openapi.json");
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void theCommittedDocumentIsTheOneTheServiceServes() throws IOException {
        String served = CANONICAL.writeValueAsString(CANONICAL.treeToValue(document(), Object.class)) + "\n";
        if (Boolean.getBoolean("cartwright.api-document.update")) {
            Files.writeString(DOCUMENT, served);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("spec/openapi.json is not what the service serves: run `./mvnw -pl server test -Dtest=ApiDocumentTest "
                        + "-Dcartwright.api-document.update=true`, then `npm run api-types` in web/, and commit both")
                .isEqualTo(served);
    }

    @Test
    void recordsSayWhatIsRequiredAndWhatMayBeNull() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode cart = schemas.path("CartView");
        assertThat(names(cart.path("required"))).contains("id", "version", "items", "totals", "coupon", "couponCode", "members");
        assertThat(cart.path("properties").path("coupon").path("anyOf").get(1).path("type").asString()).isEqualTo("null");
        assertThat(cart.path("properties").path("items").path("items").path("$ref").asString())
                .as("a cart's lines are not a checkout's, though both records are called Line").endsWith("/CartLine");
        assertThat(names(schemas.path("CartLine").path("required"))).contains("selected", "available");
        assertThat(schemas.has("CheckoutLine") && schemas.has("OrderLine")).isTrue();
    }

    @Test
    void theDocumentedProblemsAreTheOnesAnswered() {
        JsonNode schemas = document().path("components").path("schemas");
        Product scarce = newProduct("Documented Teapot", 3000, 1);
        Shopper shopper = newShopper();

        Shopper.Response tooMany = shopper.put("/api/cart/products/" + scarce.id(), "{\"quantity\": 5}");
        assertThat(tooMany.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertAnswers(tooMany, schemas.path("InsufficientStockProblem"));

        shopper.put("/api/cart/products/" + scarce.id(), "{\"quantity\": 1}");
        Shopper.Response moved = shopper.put("/api/cart/products/" + scarce.id(), "{\"quantity\": 1}", "If-Match", "\"0\"");
        assertThat(moved.code()).isEqualTo("VERSION_MISMATCH");
        assertAnswers(moved, schemas.path("VersionMismatchProblem"));

        Shopper.Response invalid = shopper.put("/api/cart/products/" + scarce.id(), "{\"quantity\": -1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertAnswers(invalid, schemas.path(ProblemSchemas.PROBLEM));

        Shopper other = newShopper();
        add(other, scarce.id(), 1);
        assertThat(checkout(other).status()).isEqualTo(201);
        Shopper.Response conflict = checkout(shopper);
        assertThat(conflict.code()).isEqualTo("STOCK_CONFLICT");
        assertAnswers(conflict, schemas.path("StockConflictProblem"));
        assertThat(conflict.contentType()).startsWith("application/problem+json");
    }

    private JsonNode document() {
        return newShopper().get("/v3/api-docs").json();
    }

    private static void assertAnswers(Shopper.Response answer, JsonNode schema) {
        assertThat(names(schema.path("required"))).as(schema.toString()).isNotEmpty();
        assertThat(names(answer.json().propertyNames())).as(answer.body()).containsAll(names(schema.path("required")));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static List<String> names(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        return list;
    }
}
