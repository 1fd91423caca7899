package dev.cartwright.cart;

import static dev.cartwright.cart.CartCalls.add;
import static dev.cartwright.cart.CartCalls.cart;
import static dev.cartwright.cart.CartCalls.line;
import static dev.cartwright.cart.CartCalls.ok;
import static dev.cartwright.cart.CartCalls.problem;
import static dev.cartwright.cart.CartCalls.select;
import static dev.cartwright.cart.CartCalls.selectAll;
import static dev.cartwright.cart.CartCalls.setQuantity;
import static dev.cartwright.cart.CartCalls.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many requests at once, on virtual threads released together from a start line; afterwards
 * the invariants must hold whatever order the server took them in.
 */
class CartRacesTest extends ServiceTest {


    // ---- (a) many shoppers, one scarce product

    @Test
    void manyShoppersAddingWhatIsAvailableAllSucceedBecauseAddingDoesNotReserve() throws Exception {
        Product scarce = newProduct("Race Scarce Lamp", 8900, 3);
        List<Shopper> shoppers = shoppersWithCarts(50);

        List<Shopper.Response> answers = Race.all(shoppers.stream()
                .<Callable<Shopper.Response>>map(shopper -> () -> add(shopper, scarce.id(), 2))
                .toList());

        for (Shopper.Response answer : answers) {
            JsonNode line = line(ok(answer), scarce.id());
            assertThat(line.path("quantity").asInt()).isEqualTo(2);
            assertThat(line.path("available").asInt()).isEqualTo(3);
        }
        for (Shopper shopper : shoppers) {
            JsonNode cart = ok(cart(shopper));
            assertThat(version(cart)).isEqualTo(1);
            assertThat(line(cart, scarce.id()).path("quantity").asInt()).isEqualTo(2);
        }
        assertThat(linesOf(scarce)).isEqualTo(50);
        assertStockUntouched(scarce, 3);
    }

    @Test
    void manyShoppersAskingForMoreThanIsAvailableAreAllRefusedAndNoCartHoldsTheProduct() throws Exception {
        Product scarce = newProduct("Race Oversold Lamp", 8900, 3);
        List<Shopper> shoppers = shoppersWithCarts(50);

        List<Shopper.Response> answers = Race.all(shoppers.stream()
                .<Callable<Shopper.Response>>map(shopper -> () -> add(shopper, scarce.id(), 4))
                .toList());

        for (Shopper.Response answer : answers) {
            JsonNode problem = problem(answer, 409, "INSUFFICIENT_STOCK");
            assertThat(problem.path("productId").asLong()).isEqualTo(scarce.id());
            assertThat(problem.path("requested").asInt()).isEqualTo(4);
            assertThat(problem.path("available").asInt()).isEqualTo(3);
            assertThat(problem.path("inCart").asInt()).isZero();
        }
        for (Shopper shopper : shoppers) {
            JsonNode cart = ok(cart(shopper));
            assertThat(version(cart)).isZero();
            assertThat(cart.path("items")).isEmpty();
        }
        assertThat(linesOf(scarce)).isZero();
        assertStockUntouched(scarce, 3);
    }

    // ---- (b) one Idempotency-Key sent many times at once

    @Test
    void oneKeySentManyTimesAtOnceAppliesTheChangeExactlyOnce() throws Exception {
        Shopper shopper = newShopper();
        Product mug = newProduct("Race Idempotent Mug", 1500, 50);
        long initial = version(ok(cart(shopper)));
        Set<String> outcomes = new HashSet<>();

        for (int round = 1; round <= 5; round++) {
            String key = "race-" + UUID.randomUUID();
            List<Shopper.Response> answers = Race.all(Collections.<Callable<Shopper.Response>>nCopies(20,
                    () -> add(shopper, mug.id(), 2, "Idempotency-Key", key)));

            List<Shopper.Response> applied = answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(applied).as("round %d: at least the first of %s", round, answers).isNotEmpty();
            for (Shopper.Response answer : answers) {
                if (answer.status() == 200) {
                    assertThat(answer.body()).as("every 200 is the same answer").isEqualTo(applied.getFirst().body());
                    assertThat(answer.header("ETag")).isEqualTo(applied.getFirst().header("ETag"));
                    outcomes.add(answer.header("Idempotent-Replayed").isPresent() ? "replayed" : "executed");
                } else {
                    problem(answer, 409, "IDEMPOTENCY_KEY_IN_USE");
                    outcomes.add("in use");
                }
            }
            assertThat(applied.stream().filter(answer -> answer.header("Idempotent-Replayed").isEmpty()))
                    .as("round %d: exactly one answer ran the change", round).hasSize(1);
            JsonNode answer = ok(applied.getFirst());
            assertThat(version(answer)).isEqualTo(initial + round);
            assertThat(line(answer, mug.id()).path("quantity").asInt()).isEqualTo(2 * round);
            JsonNode now = ok(cart(shopper));
            assertThat(version(now)).as("round %d: the version grew by exactly one", round).isEqualTo(initial + round);
            assertThat(line(now, mug.id()).path("quantity").asInt()).isEqualTo(2 * round);
            assertThat(jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key)
                    .query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(outcomes).as("what the racing requests saw").contains("executed");
    }

    // ---- (c) concurrent changes to the lines of one cart

    @Test
    void concurrentChangesToOneCartApplyOneAtATimeAndLoseNothing() throws Exception {
        Shopper shopper = newShopper();
        int stock = 30;
        List<Product> products = List.of(
                newProduct("Race Line Mug", 1100, stock),
                newProduct("Race Line Pot", 2300, stock),
                newProduct("Race Line Pen", 700, stock));
        for (Product product : products) {
            ok(add(shopper, product.id(), 5));
        }
        JsonNode initial = ok(cart(shopper));
        List<Long> lineIds = products.stream().map(product -> line(initial, product.id()).path("id").asLong()).toList();
        Random random = new Random(20260612);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int which = random.nextInt(3);
            changes.add(switch (random.nextInt(7)) {
                case 0, 1, 2 -> new Change.SetQuantity(lineIds.get(which), 1 + random.nextInt(35));
                case 3, 4 -> new Change.Add(lineIds.get(which), products.get(which).id(), 1 + random.nextInt(4));
                case 5 -> new Change.Select(lineIds.get(which), random.nextBoolean());
                default -> new Change.SelectAll(random.nextBoolean());
            });
        }

        assertThat(changes).as("some changes that must fail")
                .anySatisfy(change -> assertThat(change).isInstanceOfSatisfying(Change.SetQuantity.class,
                        set -> assertThat(set.quantity()).isGreaterThan(stock)));

        List<Shopper.Response> answers = Race.all(changes.stream()
                .<Callable<Shopper.Response>>map(change -> () -> change.send(shopper))
                .toList());

        // Every applied change has its own version; together they are every version after the initial one.
        Map<Long, JsonNode> states = new HashMap<>();
        Map<Long, Change> appliedAt = new HashMap<>();
        states.put(version(initial), initial);
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Shopper.Response answer = answers.get(i);
            if (answer.status() == 200) {
                JsonNode cart = ok(answer);
                assertThat(states.put(version(cart), cart)).as("another answer with version %d", version(cart)).isNull();
                appliedAt.put(version(cart), changes.get(i));
            } else {
                refused.add(i);
            }
        }
        int applied = appliedAt.size();
        assertThat(states.keySet()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(version(initial), version(initial) + applied).boxed().toList());

        JsonNode end = ok(cart(shopper));
        assertThat(version(end)).isEqualTo(version(initial) + applied);
        assertThat(end).as("the last applied change's answer is the cart").isEqualTo(states.get(version(end)));

        // Replayed one after the other in version order, the changes explain every state.
        for (long version = version(initial) + 1; version <= version(end); version++) {
            Change change = appliedAt.get(version);
            Map<Long, LineState> before = lineStates(states.get(version - 1));
            Map<Long, LineState> after = lineStates(states.get(version));
            assertThat(after).as("version %d after %s", version, change).isEqualTo(change.applyTo(before));
            assertThat(after.values()).allSatisfy(line -> assertThat(line.quantity()).isBetween(1, stock));
        }

        // Each line's quantity is one that a successful change on that line gave it.
        for (long lineId : lineIds) {
            Set<Integer> given = new HashSet<>();
            given.add(lineStates(initial).get(lineId).quantity());
            for (long version = version(initial) + 1; version <= version(end); version++) {
                if (appliedAt.get(version).touchesQuantityOf(lineId)) {
                    given.add(lineStates(states.get(version)).get(lineId).quantity());
                }
            }
            assertThat(lineStates(end).get(lineId).quantity()).as("line %d", lineId).isIn(given);
        }

        // A refusal was for a real reason, seen in a real state of the cart.
        Set<Map<Long, LineState>> seen = new HashSet<>();
        states.values().forEach(state -> seen.add(lineStates(state)));
        for (int i : refused) {
            Change change = changes.get(i);
            JsonNode problem = problem(answers.get(i), 409, "INSUFFICIENT_STOCK");
            assertThat(problem.path("available").asInt()).isEqualTo(stock);
            assertThat(problem.path("requested").asInt()).as("%s", change).isGreaterThan(stock);
            int inCart = problem.path("inCart").asInt();
            long lineId = change.lineId();
            assertThat(seen).as("a state in which line %d held %d", lineId, inCart)
                    .anySatisfy(state -> assertThat(state.get(lineId).quantity()).isEqualTo(inCart));
            if (change instanceof Change.Add add) {
                assertThat(problem.path("requested").asInt()).isEqualTo(inCart + add.quantity());
            } else if (change instanceof Change.SetQuantity set) {
                assertThat(problem.path("requested").asInt()).isEqualTo(set.quantity());
            }
        }
        // Setting a quantity depends on no other change: above the stock it always fails, else it succeeds.
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof Change.SetQuantity set) {
                assertThat(refused.contains(i)).as("%s refused", set).isEqualTo(set.quantity() > stock);
            } else if (!(changes.get(i) instanceof Change.Add)) {
                assertThat(refused).as("selection is never refused").doesNotContain(i);
            }
        }
        for (Product product : products) {
            assertStockUntouched(product, stock);
        }
    }

    // ---- (d) no lost update

    @Test
    void concurrentAddsOfOneUnitToOneLineAreAllCounted() throws Exception {
        Shopper shopper = newShopper();
        Product pen = newProduct("Race Counted Pen", 250, 1000);
        long initial = version(ok(cart(shopper)));

        List<Shopper.Response> answers = Race.all(Collections.<Callable<Shopper.Response>>nCopies(30, () -> add(shopper, pen.id(), 1)));

        List<JsonNode> carts = answers.stream().map(CartCalls::ok).sorted(Comparator.comparingLong(CartCalls::version)).toList();
        assertThat(carts.stream().map(CartCalls::version))
                .containsExactlyElementsOf(LongStream.rangeClosed(initial + 1, initial + 30).boxed().toList());
        for (JsonNode cart : carts) {
            assertThat(line(cart, pen.id()).path("quantity").asLong()).as("quantity at version %d", version(cart))
                    .isEqualTo(version(cart) - initial);
        }
        JsonNode end = ok(cart(shopper));
        assertThat(end.path("items")).hasSize(1);
        assertThat(line(end, pen.id()).path("quantity").asInt()).isEqualTo(30);
        assertThat(version(end)).isEqualTo(initial + 30);
    }

    // ---- (e) the one-statement change answers the whole cart at its version

    @Test
    void concurrentProductQuantitiesOnOneCartEachAnswerTheWholeCartAtItsVersion() throws Exception {
        Shopper shopper = newShopper();
        List<Product> products = LongStream.range(0, 8)
                .mapToObj(i -> newProduct("Race Whole Cart Item " + i, 500 + (int) i, 50)).toList();
        ok(shopper.put("/api/cart/products/" + products.get(0).id(), "{\"quantity\": 1}"));
        JsonNode initial = ok(cart(shopper));
        Random random = new Random(20261201);
        // Most changes make a line another change has not seen yet: its snapshot is older than its lock.
        List<long[]> changes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            changes.add(new long[] {products.get(random.nextInt(products.size())).id(), 1 + random.nextInt(20)});
        }

        List<Shopper.Response> answers = Race.all(changes.stream()
                .<Callable<Shopper.Response>>map(change -> () ->
                        shopper.put("/api/cart/products/" + change[0], "{\"quantity\": " + change[1] + "}"))
                .toList());

        Map<Long, Map<Long, Integer>> states = new HashMap<>();
        Map<Long, long[]> appliedAt = new HashMap<>();
        states.put(version(initial), quantities(initial));
        for (int i = 0; i < answers.size(); i++) {
            JsonNode cart = ok(answers.get(i));
            CartCalls.assertConsistent(cart);
            assertThat(states.put(version(cart), quantities(cart))).as("another answer with version %d", version(cart)).isNull();
            appliedAt.put(version(cart), changes.get(i));
        }
        long end = version(initial) + changes.size();
        assertThat(states.keySet()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(version(initial), end).boxed().toList());
        for (long version = version(initial) + 1; version <= end; version++) {
            Map<Long, Integer> expected = new HashMap<>(states.get(version - 1));
            expected.put(appliedAt.get(version)[0], (int) appliedAt.get(version)[1]);
            assertThat(states.get(version)).as("the cart at version %d", version).isEqualTo(expected);
        }
        assertThat(quantities(ok(cart(shopper)))).isEqualTo(states.get(end));
    }

    private static Map<Long, Integer> quantities(JsonNode cart) {
        Map<Long, Integer> quantities = new HashMap<>();
        cart.path("items").forEach(line -> quantities.put(line.path("productId").asLong(), line.path("quantity").asInt()));
        return quantities;
    }

    /** Shoppers whose cookie and cart exist, so that a race is about the change alone. */
    private List<Shopper> shoppersWithCarts(int count) {
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Shopper shopper = newShopper();
            assertThat(version(ok(cart(shopper)))).isZero();
            shoppers.add(shopper);
        }
        return shoppers;
    }

    private int linesOf(Product product) {
        return jdbc.sql("select count(*) from cart_item where product_id = :id").param("id", product.id())
                .query(Integer.class).single();
    }

    private void assertStockUntouched(Product product, int onHand) {
        Map<String, Object> row = jdbc.sql("select on_hand, reserved from stock where product_id = :id")
                .param("id", product.id()).query().singleRow();
        assertThat(row).containsEntry("on_hand", onHand).containsEntry("reserved", 0);
    }

    // ---- A model of the changes, to replay the history the server chose

    record LineState(int quantity, boolean selected) {}

    private static Map<Long, LineState> lineStates(JsonNode cart) {
        Map<Long, LineState> lines = new LinkedHashMap<>();
        for (JsonNode line : cart.path("items")) {
            lines.put(line.path("id").asLong(), new LineState(line.path("quantity").asInt(), line.path("selected").asBoolean()));
        }
        return lines;
    }

    sealed interface Change {

        Shopper.Response send(Shopper shopper);

        Map<Long, LineState> applyTo(Map<Long, LineState> lines);

        long lineId();

        default boolean touchesQuantityOf(long line) {
            return false;
        }

        record SetQuantity(long lineId, int quantity) implements Change {
            public Shopper.Response send(Shopper shopper) {
                return setQuantity(shopper, lineId, quantity);
            }

            public Map<Long, LineState> applyTo(Map<Long, LineState> lines) {
                Map<Long, LineState> after = new LinkedHashMap<>(lines);
                after.put(lineId, new LineState(quantity, lines.get(lineId).selected()));
                return after;
            }

            public boolean touchesQuantityOf(long line) {
                return line == lineId;
            }
        }

        /** Adding merges into the line and selects it. */
        record Add(long lineId, long productId, int quantity) implements Change {
            public Shopper.Response send(Shopper shopper) {
                return add(shopper, productId, quantity);
            }

            public Map<Long, LineState> applyTo(Map<Long, LineState> lines) {
                Map<Long, LineState> after = new LinkedHashMap<>(lines);
                after.put(lineId, new LineState(lines.get(lineId).quantity() + quantity, true));
                return after;
            }

            public boolean touchesQuantityOf(long line) {
                return line == lineId;
            }
        }

        record Select(long lineId, boolean selected) implements Change {
            public Shopper.Response send(Shopper shopper) {
                return select(shopper, lineId, selected);
            }

            public Map<Long, LineState> applyTo(Map<Long, LineState> lines) {
                Map<Long, LineState> after = new LinkedHashMap<>(lines);
                after.put(lineId, new LineState(lines.get(lineId).quantity(), selected));
                return after;
            }
        }

        record SelectAll(boolean selected) implements Change {
            public Shopper.Response send(Shopper shopper) {
                return selectAll(shopper, selected);
            }

            public Map<Long, LineState> applyTo(Map<Long, LineState> lines) {
                Map<Long, LineState> after = new LinkedHashMap<>();
                lines.forEach((id, line) -> after.put(id, new LineState(line.quantity(), selected)));
                return after;
            }

            public long lineId() {
                return -1;
            }
        }
    }
}
