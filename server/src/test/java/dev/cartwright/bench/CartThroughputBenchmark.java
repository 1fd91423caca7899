package dev.cartwright.bench;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.cart.Carts;
import dev.cartwright.catalog.Product;
import dev.cartwright.shopper.ShopperId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How close cart changes come to what the database can do with the same SQL. Prints figures;
 * asserts nothing about time. Run: {@code ./mvnw -Pbenchmarks -pl server -am verify}.
 *
 * <p>The baseline sends a quantity change's statements straight over JDBC (prepared, one
 * transaction per change); then the same change through the service in-process, and over
 * HTTP with and without an Idempotency-Key. Each contestant changes its own cart.
 */
@Tag("benchmark")
class CartThroughputBenchmark extends ServiceTest {

    private static final int CONTESTANTS = 16;
    private static final int CHANGES_EACH = 300;

    @Autowired
    DataSource dataSource;

    @Autowired
    Carts carts;

    record Cart(Shopper shopper, UUID shopperId, UUID cartId, long lineId, long productId) {}

    @Test
    void cartChangesAgainstTheDatabasesOwnLimit() {
        Product product = newProduct("Benchmark Beans", 900, 1_000_000);
        List<Cart> carts = IntStream.range(0, CONTESTANTS).mapToObj(i -> cart(product)).toList();

        measure("warm-up (discarded)", carts, this::sqlOnly);
        double sql = measure("SQL only, JDBC", carts, this::sqlOnly);
        measure("warm-up (discarded)", carts, this::inProcess);
        double service = measure("Carts.setQuantity in-process", carts, this::inProcess);
        measure("warm-up (discarded)", carts, this::overHttp);
        double http = measure("PUT over HTTP", carts, this::overHttp);
        double keyed = measure("PUT over HTTP + Idempotency-Key", carts, this::overHttpWithKey);

        System.out.printf("%nratio to SQL only: in-process %.2f, HTTP %.2f, HTTP+key %.2f%n%n",
                service / sql, http / sql, keyed / sql);
    }

    interface Change {
        void apply(Cart cart, int quantity) throws Exception;
    }

    private double measure(String name, List<Cart> carts, Change change) {
        long start = System.nanoTime();
        Race.run(carts.size(), i -> {
            for (int n = 0; n < CHANGES_EACH; n++) {
                try {
                    change.apply(carts.get(i), 1 + n % 5);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = carts.size() * CHANGES_EACH / seconds;
        System.out.printf("%-36s %8.0f changes/s  (%d changes, %d at once, %.2f s)%n",
                name, perSecond, carts.size() * CHANGES_EACH, carts.size(), seconds);
        return perSecond;
    }

    private Cart cart(Product product) {
        Shopper shopper = newShopper();
        long line = shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(product.id()))
                .json().path("items").get(0).path("id").asLong();
        UUID cartId = UUID.fromString(shopper.get("/api/cart").json().path("id").asString());
        UUID shopperId = jdbc.sql("select owner_id from cart where id = :id").param("id", cartId).query(UUID.class).single();
        return new Cart(shopper, shopperId, cartId, line, product.id());
    }

    private void inProcess(Cart cart, int quantity) {
        carts.setQuantity(new ShopperId(cart.shopperId()), cart.lineId(), quantity, null);
    }

    private void overHttp(Cart cart, int quantity) {
        require(cart.shopper().put("/api/cart/items/" + cart.lineId(), "{\"quantity\": " + quantity + "}"));
    }

    private void overHttpWithKey(Cart cart, int quantity) {
        require(cart.shopper().put("/api/cart/items/" + cart.lineId(), "{\"quantity\": " + quantity + "}",
                "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static void require(Shopper.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException(response.toString());
        }
    }

    /** The statements a quantity change runs, in the same order, without the service around them. */
    private void sqlOnly(Cart cart, int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            exec(connection, "insert into cart (id, owner_id) values (?, ?) on conflict (owner_id) do update set updated_at = now() returning id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum",
                    UUID.randomUUID(), cart.shopperId());
            exec(connection, "select id, product_id, quantity, selected from cart_item where cart_id = ? and id = ?", cart.cartId(), cart.lineId());
            exec(connection, "select product_id, on_hand - reserved from stock where product_id = any(?)", (Object) new Long[] {cart.productId()});
            exec(connection, "update cart_item set quantity = ? where id = ?", quantity, cart.lineId());
            exec(connection, "update cart set version = version + 1, updated_at = now() where id = ?", cart.cartId());
            exec(connection, "select id, product_id, quantity, selected from cart_item where cart_id = ? order by id", cart.cartId());
            exec(connection, "select id, sku, name, description, unit_price, image_url from product where id = any(?)", (Object) new Long[] {cart.productId()});
            exec(connection, "select product_id, on_hand - reserved from stock where product_id = any(?)", (Object) new Long[] {cart.productId()});
            connection.commit();
        }
    }

    private static void exec(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i] instanceof Long[] ids ? connection.createArrayOf("bigint", ids) : params[i]);
            }
            if (statement.execute()) {
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
        }
    }
}
