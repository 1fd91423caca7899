package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What a client may ask of /ws: products of the catalog only, and subscribe messages at a bounded
 * rate; whatever it asked, the node's indexes shrink back to what open connections follow. A node
 * of its own, so that no other test's sockets are in its indexes, and with a refill so slow that
 * only the burst counts.
 */
@TestPropertySource(properties = {
        "cartwright.realtime.subscribe-burst=50",
        "cartwright.realtime.subscribe-refill=PT1H"})
class SubscriptionsTest extends ServiceTest {

    private static final int BURST = 50;

    @Autowired
    private Fanout fanout;

    private LiveSocket connect(Shopper shopper) throws InterruptedException {
        shopper.get("/api/cart");
        LiveSocket socket = new LiveSocket(shopper, shopper.base(), null);
        socket.await(message -> message.path("type").asString().equals("cart"), 5);
        return socket;
    }

    private static void subscribe(LiveSocket socket, List<Product> products) {
        socket.send("{\"type\": \"subscribe\", \"productIds\": ["
                + products.stream().map(product -> String.valueOf(product.id())).collect(Collectors.joining(", ")) + "]}");
    }

    /** Restocks the product and waits until the socket hears of it, which proves it follows the product. */
    private void awaitStockPush(LiveSocket socket, Product product, int onHand) throws InterruptedException {
        Shopper operator = newShopper();
        assertThat(operator.put("/api/admin/products/" + product.id() + "/stock", "{\"stockOnHand\": " + onHand + "}",
                "Authorization", "Bearer " + ADMIN_TOKEN).status()).isEqualTo(200);
        socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("productId").asLong() == product.id() && message.path("available").asInt() == onHand, 5);
    }

    /** Closing is noticed by the node a moment after the client sees it. */
    private void awaitSizes(Fanout.Sizes expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!fanout.sizes().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fanout.sizes()).isEqualTo(expected);
    }

    @Test
    void idsThatAreNotProductsCloseTheConnection() throws Exception {
        Product product = newProduct("Subscribed Lamp", 2500, 5);
        LiveSocket socket = connect(newShopper());
        subscribe(socket, List.of(product));
        awaitStockPush(socket, product, 6);

        socket.send("{\"type\": \"subscribe\", \"productIds\": [" + product.id() + ", " + Long.MAX_VALUE + "]}");

        assertThat(socket.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(socket.closeReason.get()).isEqualTo("unknown product " + Long.MAX_VALUE);
    }

    @Test
    void subscribingMoreOftenThanTheBurstAllowsClosesTheConnection() throws Exception {
        Product product = newProduct("Much Watched Kettle", 4200, 5);
        LiveSocket socket = connect(newShopper());
        for (int i = 0; i < BURST; i++) {
            subscribe(socket, List.of(product));
        }
        awaitStockPush(socket, product, 7);

        subscribe(socket, List.of(product));

        assertThat(socket.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(socket.closeReason.get()).isEqualTo("too many messages");
    }

    @Test
    void theIndexesHoldOnlyWhatOpenConnectionsFollow() throws Exception {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            products.add(newProduct("Index Product " + i, 1000 + i, 10));
        }
        awaitSizes(new Fanout.Sizes(0, 0, 0, 0));
        LiveSocket steady = connect(newShopper());
        subscribe(steady, products.subList(0, 3));
        LiveSocket restless = connect(newShopper());

        // Forty subscriptions, each dropping one product and taking a new one.
        for (int first = 0; first + 5 <= products.size(); first++) {
            subscribe(restless, products.subList(first, first + 5));
        }
        awaitStockPush(steady, products.getFirst(), 11);
        awaitStockPush(restless, products.getLast(), 11);
        assertThat(fanout.sizes()).isEqualTo(new Fanout.Sizes(2, 2, 2, 3 + 5));

        restless.close();
        awaitSizes(new Fanout.Sizes(1, 1, 1, 3));
        steady.close();
        awaitSizes(new Fanout.Sizes(0, 0, 0, 0));
    }

    @Test
    void subscribingAnswersWithTheCurrentStockAndEveryChangeCarriesANewerVersion() throws Exception {
        Product lamp = newProduct("Versioned Lamp", 3900, 5);
        Shopper shopper = newShopper();
        long pageVersion = shopper.get("/api/products/" + lamp.id()).json().path("stockVersion").asLong();
        // Changed after the page was read and before the socket follows it: the answer to subscribe must say so.
        assertThat(newShopper().put("/api/admin/products/" + lamp.id() + "/stock", "{\"stockOnHand\": 1}",
                "Authorization", "Bearer " + ADMIN_TOKEN).status()).isEqualTo(200);
        LiveSocket socket = connect(shopper);

        subscribe(socket, List.of(lamp));

        JsonNode current = socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("productId").asLong() == lamp.id(), 5);
        assertThat(current.path("available").asInt()).isEqualTo(1);
        assertThat(current.path("version").asLong()).isGreaterThan(pageVersion);

        Shopper buyer = newShopper();
        buyer.post("/api/cart/items", "{\"productId\": " + lamp.id() + ", \"quantity\": 1}");
        String checkout = buyer.post("/api/checkouts", "{\"shippingAddress\": " + dev.cartwright.checkout.CheckoutTestSteps.ADDRESS + "}")
                .json().path("id").asString();
        JsonNode reserved = socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("productId").asLong() == lamp.id() && message.path("available").asInt() == 0, 5);
        assertThat(reserved.path("version").asLong()).isGreaterThan(current.path("version").asLong());
        buyer.delete("/api/checkouts/" + checkout);
        JsonNode released = socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("productId").asLong() == lamp.id() && message.path("available").asInt() == 1, 5);
        assertThat(released.path("version").asLong()).isGreaterThan(reserved.path("version").asLong());
        assertThat(shopper.get("/api/products/" + lamp.id()).json().path("stockVersion").asLong())
                .isEqualTo(released.path("version").asLong());
        socket.close();
    }
}
