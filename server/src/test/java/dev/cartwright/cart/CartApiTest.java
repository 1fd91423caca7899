package dev.cartwright.cart;

import static dev.cartwright.cart.CartCalls.add;
import static dev.cartwright.cart.CartCalls.cart;
import static dev.cartwright.cart.CartCalls.ifMatch;
import static dev.cartwright.cart.CartCalls.line;
import static dev.cartwright.cart.CartCalls.lineOf;
import static dev.cartwright.cart.CartCalls.ok;
import static dev.cartwright.cart.CartCalls.problem;
import static dev.cartwright.cart.CartCalls.remove;
import static dev.cartwright.cart.CartCalls.select;
import static dev.cartwright.cart.CartCalls.selectAll;
import static dev.cartwright.cart.CartCalls.setQuantity;
import static dev.cartwright.cart.CartCalls.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CartApiTest extends ServiceTest {

    // ---- GET

    @Test
    void aNewShopperHasAnEmptyCartAtVersionZero() {
        Shopper shopper = newShopper();

        JsonNode cart = ok(cart(shopper));

        assertThat(version(cart)).isZero();
        assertThat(cart.path("items").isArray()).isTrue();
        assertThat(cart.path("items")).isEmpty();
        JsonNode totals = cart.path("totals");
        assertThat(totals.path("itemCount").asInt()).isZero();
        assertThat(totals.path("selectedCount").asInt()).isZero();
        assertThat(totals.path("subtotal").asLong()).isZero();
        assertThat(totals.path("total").asLong()).isZero();
        assertThat(totals.path("currency").asString()).isEqualTo("EUR");
        assertThat(cart.has("couponCode")).isTrue();
    }

    @Test
    void readingTheCartAgainGivesTheSameCartAndChangesNothing() {
        Shopper shopper = newShopper();

        Shopper.Response first = cart(shopper);
        Shopper.Response second = cart(shopper);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(ok(second).path("version").asLong()).isZero();
    }

    @Test
    void eachShopperHasACartOfTheirOwn() {
        Shopper alice = newShopper();
        Shopper bob = newShopper();
        Product mug = newProduct("Own Cart Mug", 900, 10);

        ok(add(alice, mug.id(), 1));

        assertThat(ok(cart(bob)).path("items")).isEmpty();
        assertThat(ok(cart(bob)).path("id").asString()).isNotEqualTo(ok(cart(alice)).path("id").asString());
    }

    // ---- POST /api/cart/items

    @Test
    void addingAProductCreatesASelectedLineWithItsPriceAndTotals() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Stoneware Mug", 1250, 10);

        JsonNode cart = ok(add(shopper, mug.id(), 3));

        assertThat(version(cart)).isEqualTo(1);
        assertThat(cart.path("items")).hasSize(1);
        JsonNode line = line(cart, mug.id());
        assertThat(line.path("id").asLong()).isPositive();
        assertThat(line.path("name").asString()).isEqualTo("Stoneware Mug");
        assertThat(line.path("unitPrice").asLong()).isEqualTo(1250);
        assertThat(line.path("quantity").asInt()).isEqualTo(3);
        assertThat(line.path("selected").asBoolean()).isTrue();
        assertThat(line.path("available").asInt()).as("adding does not reserve").isEqualTo(10);
        assertThat(line.path("lineTotal").asLong()).isEqualTo(3750);
        JsonNode totals = cart.path("totals");
        assertThat(totals.path("itemCount").asInt()).isEqualTo(3);
        assertThat(totals.path("selectedCount").asInt()).isEqualTo(3);
        assertThat(totals.path("subtotal").asLong()).isEqualTo(3750);
        assertThat(totals.path("discount").asLong()).isZero();
        assertThat(totals.path("total").asLong()).isEqualTo(3750);
        assertThat(cart(shopper).json()).as("a later GET shows what the answer showed").isEqualTo(cart);
    }

    @Test
    void addingTheSameProductAgainMergesIntoItsLine() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Merge Pen", 300, 20);
        long lineId = line(ok(add(shopper, pen.id(), 2)), pen.id()).path("id").asLong();

        JsonNode cart = ok(add(shopper, pen.id(), 3));

        assertThat(cart.path("items")).hasSize(1);
        assertThat(line(cart, pen.id()).path("id").asLong()).isEqualTo(lineId);
        assertThat(line(cart, pen.id()).path("quantity").asInt()).isEqualTo(5);
        assertThat(version(cart)).isEqualTo(2);
    }

    @Test
    void linesKeepTheOrderInWhichTheyWereAdded() {
        Shopper shopper = newShopper();
        Product first = newProduct("First Thing", 100, 5);
        Product second = newProduct("Second Thing", 200, 5);
        Product third = newProduct("Third Thing", 300, 5);

        ok(add(shopper, third.id(), 1));
        ok(add(shopper, first.id(), 1));
        JsonNode cart = ok(add(shopper, second.id(), 1));

        assertThat(cart.path("items").valueStream().map(line -> line.path("productId").asLong()))
                .containsExactly(third.id(), first.id(), second.id());
    }

    @Test
    void reAddingADeselectedLineSelectsItAgainAndMerges() {
        Shopper shopper = newShopper();
        Product lamp = newProduct("Reselect Lamp", 4000, 10);
        long lineId = line(ok(add(shopper, lamp.id(), 2)), lamp.id()).path("id").asLong();
        ok(select(shopper, lineId, false));

        JsonNode cart = ok(add(shopper, lamp.id(), 1));

        JsonNode line = line(cart, lamp.id());
        assertThat(line.path("id").asLong()).isEqualTo(lineId);
        assertThat(line.path("quantity").asInt()).isEqualTo(3);
        assertThat(line.path("selected").asBoolean()).isTrue();
        assertThat(cart.path("totals").path("subtotal").asLong()).isEqualTo(12000);
    }

    @Test
    void addingUpToExactlyWhatIsAvailableIsAllowed() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Last Vases", 2500, 3);

        ok(add(shopper, vase.id(), 1));
        JsonNode cart = ok(add(shopper, vase.id(), 2));

        assertThat(line(cart, vase.id()).path("quantity").asInt()).isEqualTo(3);
        assertThat(line(cart, vase.id()).path("available").asInt()).isEqualTo(3);
    }

    @Test
    void addingMoreThanIsAvailableIsRefusedAndChangesNothing() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Scarce Vase", 2500, 3);
        Shopper.Response before = cart(shopper);

        JsonNode problem = problem(add(shopper, vase.id(), 4), 409, "INSUFFICIENT_STOCK");

        assertThat(problem.path("productId").asLong()).isEqualTo(vase.id());
        assertThat(problem.path("requested").asInt()).isEqualTo(4);
        assertThat(problem.path("available").asInt()).isEqualTo(3);
        assertThat(problem.path("inCart").asInt()).isZero();
        assertThat(problem.path("detail").asString()).contains("Only 3", "Scarce Vase");
        assertUnchanged(shopper, before);
    }

    @Test
    void mergingBeyondWhatIsAvailableIsRefusedWithWhatTheCartHolds() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Merge Vase", 2500, 5);
        ok(add(shopper, vase.id(), 3));
        Shopper.Response before = cart(shopper);

        JsonNode problem = problem(add(shopper, vase.id(), 3), 409, "INSUFFICIENT_STOCK");

        assertThat(problem.path("requested").asInt()).as("the line's total after the merge").isEqualTo(6);
        assertThat(problem.path("available").asInt()).isEqualTo(5);
        assertThat(problem.path("inCart").asInt()).isEqualTo(3);
        assertUnchanged(shopper, before);
    }

    @Test
    void addingASoldOutProductIsRefused() {
        Shopper shopper = newShopper();
        Product gone = newProduct("Sold Out Kettle", 5000, 0);
        Shopper.Response before = cart(shopper);

        JsonNode problem = problem(add(shopper, gone.id(), 1), 409, "INSUFFICIENT_STOCK");

        assertThat(problem.path("available").asInt()).isZero();
        assertThat(problem.path("detail").asString()).contains("sold out");
        assertUnchanged(shopper, before);
    }

    @Test
    void addingAnUnknownProductIsRefusedAndChangesNothing() {
        Shopper shopper = newShopper();
        Product real = newProduct("Real Product", 100, 5);
        ok(add(shopper, real.id(), 1));
        Shopper.Response before = cart(shopper);
        long unknown = jdbc.sql("select coalesce(max(id), 0) + 1000000 from product").query(Long.class).single();

        JsonNode problem = problem(add(shopper, unknown, 1), 422, "UNKNOWN_PRODUCT");

        assertThat(problem.path("productId").asLong()).isEqualTo(unknown);
        assertUnchanged(shopper, before);
    }

    @Test
    void mergingBeyondTheMostOneLineMayHoldIsRefused() {
        Shopper shopper = newShopper();
        Product clip = newProduct("Paper Clip", 5, 500);
        ok(add(shopper, clip.id(), 60));
        Shopper.Response before = cart(shopper);

        JsonNode problem = problem(add(shopper, clip.id(), 40), 422, "LINE_QUANTITY_LIMIT");

        assertThat(problem.path("productId").asLong()).isEqualTo(clip.id());
        assertThat(problem.path("limit").asInt()).isEqualTo(99);
        assertThat(problem.path("inCart").asInt()).isEqualTo(60);
        assertUnchanged(shopper, before);
        assertThat(line(ok(add(shopper, clip.id(), 39)), clip.id()).path("quantity").asInt())
                .as("up to the limit is fine").isEqualTo(99);
    }

    @Test
    void aCartHoldsAtMostAHundredLines() {
        Shopper shopper = newShopper();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            products.add(newProduct("Line Limit Product " + i, 100, 5));
        }
        for (Product product : products.subList(0, 100)) {
            ok(add(shopper, product.id(), 1));
        }
        Shopper.Response before = cart(shopper);
        assertThat(ok(before).path("items")).hasSize(100);

        JsonNode problem = problem(add(shopper, products.get(100).id(), 1), 422, "CART_LINE_LIMIT");

        assertThat(problem.path("limit").asInt()).isEqualTo(100);
        assertUnchanged(shopper, before);
        JsonNode merged = ok(add(shopper, products.get(0).id(), 1));
        assertThat(line(merged, products.get(0).id()).path("quantity").asInt())
                .as("a full cart still takes more of a product it holds").isEqualTo(2);
        long removed = line(merged, products.get(1).id()).path("id").asLong();
        ok(remove(shopper, removed));
        assertThat(ok(add(shopper, products.get(100).id(), 1)).path("items"))
                .as("removing a line makes room").hasSize(100);
    }

    @Test
    void addingWithInvalidQuantitiesIsAValidationFailure() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Validated Pen", 100, 200);
        Shopper.Response before = cart(shopper);

        for (String quantity : List.of("0", "-1", "100", "null", "1.5", "\"3\"", "true")) {
            Shopper.Response response = shopper.post("/api/cart/items",
                    "{\"productId\":" + pen.id() + ",\"quantity\":" + quantity + "}");
            assertThat(fields(problem(response, 400, "VALIDATION_FAILED")))
                    .as("quantity %s", quantity).containsExactly("quantity");
        }
        assertUnchanged(shopper, before);
    }

    @Test
    void addingWithoutAProductOrQuantityNamesEveryMissingField() {
        Shopper shopper = newShopper();
        Shopper.Response before = cart(shopper);

        assertThat(fields(problem(shopper.post("/api/cart/items", "{}"), 400, "VALIDATION_FAILED")))
                .containsExactlyInAnyOrder("productId", "quantity");
        assertThat(fields(problem(shopper.post("/api/cart/items", "{\"productId\":\"x\",\"quantity\":1}"), 400,
                "VALIDATION_FAILED"))).containsExactly("productId");
        assertUnchanged(shopper, before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Shopper shopper = newShopper();
        Shopper.Response before = cart(shopper);

        problem(shopper.post("/api/cart/items", "{\"productId\": 1, "), 400, "MALFORMED_JSON");
        problem(shopper.post("/api/cart/items", null), 400, "MALFORMED_JSON");

        assertUnchanged(shopper, before);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeAnythingHappens() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Oversized Request Pen", 100, 10);
        Shopper.Response before = cart(shopper);

        Shopper.Response response = shopper.post("/api/cart/items",
                "{\"productId\":" + pen.id() + ",\"quantity\":1,\"note\":\"" + "x".repeat(20_000) + "\"}");

        problem(response, 413, "PAYLOAD_TOO_LARGE");
        assertUnchanged(shopper, before);
    }

    // ---- PUT /api/cart/items/{id}

    @Test
    void settingAQuantityReplacesIt() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Quantity Pen", 300, 20);
        JsonNode added = ok(add(shopper, pen.id(), 2));
        long lineId = line(added, pen.id()).path("id").asLong();

        JsonNode raised = ok(setQuantity(shopper, lineId, 7));
        JsonNode lowered = ok(setQuantity(shopper, lineId, 1));

        assertThat(line(raised, pen.id()).path("quantity").asInt()).isEqualTo(7);
        assertThat(line(raised, pen.id()).path("lineTotal").asLong()).isEqualTo(2100);
        assertThat(line(lowered, pen.id()).path("quantity").asInt()).isEqualTo(1);
        assertThat(lowered.path("totals").path("total").asLong()).isEqualTo(300);
        assertThat(version(raised)).isEqualTo(version(added) + 1);
        assertThat(version(lowered)).isEqualTo(version(added) + 2);
    }

    @Test
    void raisingToExactlyWhatIsAvailableIsAllowed() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Exact Vase", 2500, 4);
        long lineId = line(ok(add(shopper, vase.id(), 1)), vase.id()).path("id").asLong();

        assertThat(line(ok(setQuantity(shopper, lineId, 4)), vase.id()).path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void raisingQuantityBeyondStockIsRefusedAndChangesNothing() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Raised Vase", 2500, 4);
        long lineId = line(ok(add(shopper, vase.id(), 2)), vase.id()).path("id").asLong();
        Shopper.Response before = cart(shopper);

        JsonNode problem = problem(setQuantity(shopper, lineId, 5), 409, "INSUFFICIENT_STOCK");

        assertThat(problem.path("productId").asLong()).isEqualTo(vase.id());
        assertThat(problem.path("requested").asInt()).isEqualTo(5);
        assertThat(problem.path("available").asInt()).isEqualTo(4);
        assertThat(problem.path("inCart").asInt()).isEqualTo(2);
        assertUnchanged(shopper, before);
    }

    @Test
    void loweringAQuantityIsAllowedEvenWhenLessIsAvailableThanTheLineAsks() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Dwindling Vase", 2500, 5);
        long lineId = line(ok(add(shopper, vase.id(), 5)), vase.id()).path("id").asLong();
        jdbc.sql("update stock set on_hand = 1 where product_id = :id").param("id", vase.id()).update();

        JsonNode lowered = ok(setQuantity(shopper, lineId, 3));
        JsonNode same = ok(setQuantity(shopper, lineId, 3));

        assertThat(line(lowered, vase.id()).path("quantity").asInt()).isEqualTo(3);
        assertThat(line(lowered, vase.id()).path("available").asInt()).isEqualTo(1);
        assertThat(line(same, vase.id()).path("quantity").asInt()).as("keeping a quantity is not raising it").isEqualTo(3);
        problem(setQuantity(shopper, lineId, 4), 409, "INSUFFICIENT_STOCK");
    }

    @Test
    void settingAnInvalidQuantityIsAValidationFailure() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Invalid Quantity Pen", 300, 200);
        long lineId = line(ok(add(shopper, pen.id(), 2)), pen.id()).path("id").asLong();
        Shopper.Response before = cart(shopper);

        for (String quantity : List.of("0", "-3", "100", "null", "2.5", "\"4\"")) {
            Shopper.Response response = shopper.put("/api/cart/items/" + lineId, "{\"quantity\":" + quantity + "}");
            assertThat(fields(problem(response, 400, "VALIDATION_FAILED"))).as("quantity %s", quantity)
                    .containsExactly("quantity");
        }
        assertThat(fields(problem(shopper.put("/api/cart/items/" + lineId, "{}"), 400, "VALIDATION_FAILED")))
                .containsExactly("quantity");
        assertUnchanged(shopper, before);
    }

    @Test
    void settingTheQuantityOfALineThatDoesNotExistIsNotFound() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Missing Line Pen", 300, 20);
        long lineId = line(ok(add(shopper, pen.id(), 2)), pen.id()).path("id").asLong();
        ok(remove(shopper, lineId));
        Shopper.Response before = cart(shopper);

        problem(setQuantity(shopper, lineId, 3), 404, "CART_ITEM_NOT_FOUND");
        problem(setQuantity(shopper, Long.MAX_VALUE, 3), 404, "CART_ITEM_NOT_FOUND");
        problem(shopper.put("/api/cart/items/not-a-number", "{\"quantity\":1}"), 404, "NOT_FOUND");

        assertUnchanged(shopper, before);
    }

    // ---- PATCH /api/cart/items/{id}

    @Test
    void totalsCountOnlySelectedLines() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Selected Mug", 1000, 10);
        Product pot = newProduct("Deselected Pot", 3000, 10);
        ok(add(shopper, mug.id(), 2));
        long potLine = line(ok(add(shopper, pot.id(), 1)), pot.id()).path("id").asLong();

        JsonNode cart = ok(select(shopper, potLine, false));

        assertThat(line(cart, pot.id()).path("selected").asBoolean()).isFalse();
        assertThat(line(cart, pot.id()).path("lineTotal").asLong()).as("a deselected line still shows its total").isEqualTo(3000);
        assertThat(line(cart, mug.id()).path("selected").asBoolean()).isTrue();
        JsonNode totals = cart.path("totals");
        assertThat(totals.path("itemCount").asInt()).isEqualTo(3);
        assertThat(totals.path("selectedCount").asInt()).isEqualTo(2);
        assertThat(totals.path("subtotal").asLong()).isEqualTo(2000);
        assertThat(totals.path("total").asLong()).isEqualTo(2000);
    }

    @Test
    void selectingALineAgainCountsItAgain() {
        Shopper shopper = newShopper();
        Product pot = newProduct("Toggled Pot", 3000, 10);
        long lineId = line(ok(add(shopper, pot.id(), 2)), pot.id()).path("id").asLong();
        JsonNode deselected = ok(select(shopper, lineId, false));

        JsonNode selected = ok(select(shopper, lineId, true));

        assertThat(deselected.path("totals").path("total").asLong()).isZero();
        assertThat(line(selected, pot.id()).path("selected").asBoolean()).isTrue();
        assertThat(selected.path("totals").path("total").asLong()).isEqualTo(6000);
        assertThat(version(selected)).isEqualTo(version(deselected) + 1);
    }

    @Test
    void selectingWithoutAValueIsAValidationFailure() {
        Shopper shopper = newShopper();
        Product pot = newProduct("Unsure Pot", 3000, 10);
        long lineId = line(ok(add(shopper, pot.id(), 1)), pot.id()).path("id").asLong();
        Shopper.Response before = cart(shopper);

        for (String body : List.of("{}", "{\"selected\":null}", "{\"selected\":\"yes\"}", "{\"selected\":1}")) {
            assertThat(fields(problem(shopper.patch("/api/cart/items/" + lineId, body), 400, "VALIDATION_FAILED")))
                    .as(body).containsExactly("selected");
        }
        assertUnchanged(shopper, before);
    }

    @Test
    void selectingALineThatDoesNotExistIsNotFound() {
        Shopper shopper = newShopper();
        Product pot = newProduct("Vanished Pot", 3000, 10);
        ok(add(shopper, pot.id(), 1));
        Shopper.Response before = cart(shopper);

        problem(select(shopper, Long.MAX_VALUE, false), 404, "CART_ITEM_NOT_FOUND");

        assertUnchanged(shopper, before);
    }

    // ---- PATCH /api/cart/selection

    @Test
    void deselectingAllLinesEmptiesTheTotalsInOneChange() {
        Shopper shopper = newShopper();
        Product mug = newProduct("All Mug", 1000, 10);
        Product pot = newProduct("All Pot", 3000, 10);
        ok(add(shopper, mug.id(), 2));
        JsonNode before = ok(add(shopper, pot.id(), 1));

        JsonNode cart = ok(selectAll(shopper, false));

        assertThat(cart.path("items").valueStream().map(line -> line.path("selected").asBoolean())).containsExactly(false, false);
        assertThat(cart.path("totals").path("itemCount").asInt()).isEqualTo(3);
        assertThat(cart.path("totals").path("selectedCount").asInt()).isZero();
        assertThat(cart.path("totals").path("subtotal").asLong()).isZero();
        assertThat(cart.path("totals").path("total").asLong()).isZero();
        assertThat(version(cart)).isEqualTo(version(before) + 1);
    }

    @Test
    void selectingAllLinesSelectsEveryOne() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Every Mug", 1000, 10);
        Product pot = newProduct("Every Pot", 3000, 10);
        Product pen = newProduct("Every Pen", 200, 10);
        ok(add(shopper, mug.id(), 2));
        long potLine = line(ok(add(shopper, pot.id(), 1)), pot.id()).path("id").asLong();
        ok(add(shopper, pen.id(), 5));
        JsonNode before = ok(select(shopper, potLine, false));

        JsonNode cart = ok(selectAll(shopper, true));

        assertThat(cart.path("items").valueStream().map(line -> line.path("selected").asBoolean()))
                .containsExactly(true, true, true);
        assertThat(cart.path("totals").path("selectedCount").asInt()).isEqualTo(8);
        assertThat(cart.path("totals").path("total").asLong()).isEqualTo(2000 + 3000 + 1000);
        assertThat(version(cart)).isEqualTo(version(before) + 1);
        assertThat(cart.path("items").valueStream().map(line -> line.path("quantity").asInt()))
                .as("selection leaves quantities alone").containsExactly(2, 1, 5);
    }

    @Test
    void selectingAllWithoutAValueIsAValidationFailure() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Selection Validation Mug", 1000, 10);
        ok(add(shopper, mug.id(), 1));
        Shopper.Response before = cart(shopper);

        assertThat(fields(problem(shopper.patch("/api/cart/selection", "{}"), 400, "VALIDATION_FAILED")))
                .containsExactly("selected");
        assertUnchanged(shopper, before);
    }

    // ---- DELETE /api/cart/items/{id}

    @Test
    void removingALineTakesItOutOfTheCartAndTheTotals() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Kept Mug", 1000, 10);
        Product pot = newProduct("Removed Pot", 3000, 10);
        ok(add(shopper, mug.id(), 2));
        JsonNode before = ok(add(shopper, pot.id(), 1));

        JsonNode cart = ok(remove(shopper, line(before, pot.id()).path("id").asLong()));

        assertThat(lineOf(cart, pot.id())).isEmpty();
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("totals").path("total").asLong()).isEqualTo(2000);
        assertThat(version(cart)).isEqualTo(version(before) + 1);
        assertThat(jdbc.sql("select count(*) from cart_item where product_id = :id").param("id", pot.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void removingALineTwiceIsNotFoundTheSecondTime() {
        Shopper shopper = newShopper();
        Product pot = newProduct("Twice Removed Pot", 3000, 10);
        long lineId = line(ok(add(shopper, pot.id(), 1)), pot.id()).path("id").asLong();
        ok(remove(shopper, lineId));
        Shopper.Response before = cart(shopper);

        problem(remove(shopper, lineId), 404, "CART_ITEM_NOT_FOUND");

        assertUnchanged(shopper, before);
    }

    @Test
    void aRemovedProductCanBeAddedAgainAsANewLine() {
        Shopper shopper = newShopper();
        Product pot = newProduct("Returning Pot", 3000, 10);
        long first = line(ok(add(shopper, pot.id(), 4)), pot.id()).path("id").asLong();
        ok(remove(shopper, first));

        JsonNode line = line(ok(add(shopper, pot.id(), 1)), pot.id());

        assertThat(line.path("id").asLong()).isNotEqualTo(first);
        assertThat(line.path("quantity").asInt()).as("nothing of the removed line comes back").isEqualTo(1);
    }

    // ---- Another shopper's lines

    @Test
    void anotherShoppersLineIsNotFoundForEveryChangeAndStaysAsItWas() {
        Shopper owner = newShopper();
        Shopper stranger = newShopper();
        Product mug = newProduct("Private Mug", 1000, 10);
        Product own = newProduct("Stranger's Own Mug", 1000, 10);
        long ownersLine = line(ok(add(owner, mug.id(), 2)), mug.id()).path("id").asLong();
        long strangersGone = line(ok(add(stranger, own.id(), 1)), own.id()).path("id").asLong();
        ok(remove(stranger, strangersGone));
        Shopper.Response ownersCart = cart(owner);
        Shopper.Response strangersCart = cart(stranger);

        Map<String, Function<Long, Shopper.Response>> changes = new LinkedHashMap<>();
        changes.put("PUT", id -> setQuantity(stranger, id, 1));
        changes.put("PATCH", id -> select(stranger, id, false));
        changes.put("DELETE", id -> remove(stranger, id));
        for (Map.Entry<String, Function<Long, Shopper.Response>> change : changes.entrySet()) {
            Shopper.Response foreign = change.getValue().apply(ownersLine);
            Shopper.Response missing = change.getValue().apply(strangersGone);

            problem(foreign, 404, "CART_ITEM_NOT_FOUND");
            problem(missing, 404, "CART_ITEM_NOT_FOUND");
            assertThat(withoutInstance(foreign.json())).as("%s of another's line vs a missing line", change.getKey())
                    .isEqualTo(withoutInstance(missing.json()));
            assertThat(foreign.contentType()).isEqualTo(missing.contentType());
            assertThat(foreign.header("ETag")).isEmpty();
        }

        assertUnchanged(owner, ownersCart);
        assertUnchanged(stranger, strangersCart);
    }

    // ---- If-Match

    @Test
    void aChangeWithTheCurrentVersionInIfMatchIsApplied() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Conditional Mug", 1000, 10);
        JsonNode before = ok(add(shopper, mug.id(), 1));
        long lineId = line(before, mug.id()).path("id").asLong();

        JsonNode added = ok(add(shopper, mug.id(), 1, "If-Match", ifMatch(version(before))));
        JsonNode set = ok(setQuantity(shopper, lineId, 5, "If-Match", ifMatch(version(added))));
        JsonNode deselected = ok(select(shopper, lineId, false, "If-Match", ifMatch(version(set))));
        JsonNode all = ok(selectAll(shopper, true, "If-Match", ifMatch(version(deselected))));
        JsonNode removed = ok(remove(shopper, lineId, "If-Match", ifMatch(version(all))));

        assertThat(line(added, mug.id()).path("quantity").asInt()).isEqualTo(2);
        assertThat(line(set, mug.id()).path("quantity").asInt()).isEqualTo(5);
        assertThat(line(deselected, mug.id()).path("selected").asBoolean()).isFalse();
        assertThat(line(all, mug.id()).path("selected").asBoolean()).isTrue();
        assertThat(removed.path("items")).isEmpty();
        assertThat(version(removed)).isEqualTo(version(before) + 5);
    }

    @Test
    void aChangeWithAStaleIfMatchIsRefusedWithTheCurrentCartAndChangesNothing() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Stale Mug", 1000, 10);
        JsonNode first = ok(add(shopper, mug.id(), 1));
        long lineId = line(first, mug.id()).path("id").asLong();
        ok(setQuantity(shopper, lineId, 2));
        Shopper.Response before = cart(shopper);
        String stale = ifMatch(version(first));

        Map<String, Shopper.Response> refusals = new LinkedHashMap<>();
        refusals.put("POST", add(shopper, mug.id(), 1, "If-Match", stale));
        refusals.put("PUT", setQuantity(shopper, lineId, 3, "If-Match", stale));
        refusals.put("PATCH item", select(shopper, lineId, false, "If-Match", stale));
        refusals.put("PATCH selection", selectAll(shopper, false, "If-Match", stale));
        refusals.put("DELETE", remove(shopper, lineId, "If-Match", stale));
        refusals.put("from the future", setQuantity(shopper, lineId, 3, "If-Match", ifMatch(version(first) + 100)));

        for (Map.Entry<String, Shopper.Response> refusal : refusals.entrySet()) {
            JsonNode problem = problem(refusal.getValue(), 412, "VERSION_MISMATCH");
            assertThat(problem.path("cart")).as(refusal.getKey()).isEqualTo(before.json());
            CartCalls.assertConsistent(problem.path("cart"));
        }
        assertUnchanged(shopper, before);
    }

    @Test
    void aStaleIfMatchIsReportedBeforeAnyOtherRefusal() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Precondition Vase", 1000, 2);
        JsonNode first = ok(add(shopper, vase.id(), 1));
        ok(add(shopper, vase.id(), 1));
        Shopper.Response before = cart(shopper);

        problem(add(shopper, vase.id(), 5, "If-Match", ifMatch(version(first))), 412, "VERSION_MISMATCH");
        problem(setQuantity(shopper, Long.MAX_VALUE, 1, "If-Match", ifMatch(version(first))), 412, "VERSION_MISMATCH");

        assertUnchanged(shopper, before);
    }

    @Test
    void ifMatchAnyVersionAppliesTheChange() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Any Version Mug", 1000, 10);
        ok(add(shopper, mug.id(), 1));

        JsonNode cart = ok(add(shopper, mug.id(), 1, "If-Match", "*"));

        assertThat(line(cart, mug.id()).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void anIfMatchThatIsNotAVersionIsRefused() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Malformed Precondition Mug", 1000, 10);
        JsonNode cart = ok(add(shopper, mug.id(), 1));
        Shopper.Response before = cart(shopper);

        for (String ifMatch : List.of(String.valueOf(version(cart)), "\"abc\"", "\"-1\"", "\"1\", \"2\"", "\"\"")) {
            problem(add(shopper, mug.id(), 1, "If-Match", ifMatch), 400, "INVALID_IF_MATCH");
        }
        assertUnchanged(shopper, before);
    }

    @Test
    void everyAnswerCarriesItsVersionAsETag() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Tagged Mug", 1000, 10);

        Shopper.Response empty = cart(shopper);
        Shopper.Response added = add(shopper, mug.id(), 1);
        long lineId = line(added.json(), mug.id()).path("id").asLong();
        Shopper.Response set = setQuantity(shopper, lineId, 2);
        Shopper.Response deselected = select(shopper, lineId, false);
        Shopper.Response all = selectAll(shopper, true);
        Shopper.Response removed = remove(shopper, lineId);
        Shopper.Response after = cart(shopper);

        List<Long> versions = new ArrayList<>();
        for (Shopper.Response response : List.of(empty, added, set, deselected, all, removed, after)) {
            versions.add(version(ok(response)));
        }
        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 5L);
        assertThat(after.header("ETag")).contains("\"5\"");
    }

    // ----

    /** A refused change leaves the cart exactly as it was: the same answer to GET, the same version. */
    private static void assertUnchanged(Shopper shopper, Shopper.Response before) {
        Shopper.Response after = cart(shopper);
        assertThat(after.body()).as("the cart after a refused change").isEqualTo(before.body());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    /** A problem without the one member that names the address it answered. */
    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = (ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
