package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.CartwrightApplication;
import dev.cartwright.Shopper;
import dev.cartwright.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two service nodes on one PostgreSQL behave as one store: a change on one reaches sockets on the other. */
class TwoNodesTest {

    private static final String ADMIN = "two-nodes-admin";
    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = EmbeddedPostgres.builder().setDataDirectory(TestDatabase.newDataDir()).setCleanDataDirectory(true).start();
        String url = "postgres://postgres:postgres@localhost:" + database.getPort() + "/postgres";
        nodeA = node(url);
        nodeB = node(url);
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=" + url, "--cartwright.admin.token=" + ADMIN,
                        "--cartwright.payment.provider=simulated");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    private static URI uri(ConfigurableApplicationContext node) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port"));
    }

    private static long firstProduct(Shopper shopper) {
        return shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
    }

    @Test
    void aCartChangeThroughOneNodeReachesTheShoppersSocketOnTheOther() throws Exception {
        Shopper shopper = new Shopper(uri(nodeA));
        shopper.get("/api/cart");
        LiveSocket socket = new LiveSocket(shopper.at(uri(nodeB)), uri(nodeB), uri(nodeB).toString());
        assertThat(socket.await(message -> message.path("type").asString().equals("cart"), 5).path("cart").path("version").asLong())
                .isZero();

        shopper.post("/api/cart/items", "{\"productId\": " + firstProduct(shopper) + ", \"quantity\": 2}");

        JsonNode pushed = socket.await(message -> message.path("cart").path("version").asLong() == 1, 5);
        assertThat(pushed.path("cart").path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        socket.close();
    }

    @Test
    void aStockChangeThroughOneNodeReachesSubscribersOnTheOther() throws Exception {
        Shopper shopper = new Shopper(uri(nodeA));
        shopper.get("/api/cart");
        long productId = firstProduct(shopper);
        LiveSocket socket = new LiveSocket(shopper.at(uri(nodeB)), uri(nodeB), null);
        socket.send("{\"type\": \"subscribe\", \"productIds\": [" + productId + "]}");
        JsonNode current = socket.await(message -> message.path("type").asString().equals("stock"), 5);
        assertThat(current.path("productId").asLong()).as("subscribe is answered with the current stock").isEqualTo(productId);

        assertThat(shopper.put("/api/admin/products/" + productId + "/stock", "{\"stockOnHand\": 77}",
                "Authorization", "Bearer " + ADMIN).status()).isEqualTo(200);

        JsonNode pushed = socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("version").asLong() > current.path("version").asLong(), 5);
        assertThat(pushed.path("productId").asLong()).isEqualTo(productId);
        assertThat(pushed.path("available").asInt()).isEqualTo(77);
        socket.close();
    }

    @Test
    void afterListeningAgainANodeSendsItsSocketsWhatChangedWhileNobodyToldIt() throws Exception {
        Shopper shopper = new Shopper(uri(nodeB));
        long productId = firstProduct(shopper);
        LiveSocket socket = new LiveSocket(shopper, uri(nodeB), null);
        socket.send("{\"type\": \"subscribe\", \"productIds\": [" + productId + "]}");
        JsonNode current = socket.await(message -> message.path("type").asString().equals("stock"), 5);

        try (Connection admin = database.getPostgresDatabase().getConnection(); Statement change = admin.createStatement()) {
            // A change whose NOTIFY was lost: nothing announces it to any node.
            change.execute("update stock set on_hand = on_hand + 5, version = version + 1 where product_id = " + productId);
            killListeners(change);
        }

        JsonNode healed = socket.await(message -> message.path("type").asString().equals("stock")
                && message.path("version").asLong() > current.path("version").asLong(), 20);
        assertThat(healed.path("available").asInt()).isEqualTo(current.path("available").asInt() + 5);
        socket.close();
    }

    @Test
    void aDroppedListenConnectionIsMadeAgainAndChangesFlowAgain() throws Exception {
        Shopper shopper = new Shopper(uri(nodeA));
        shopper.get("/api/cart");
        LiveSocket socket = new LiveSocket(shopper.at(uri(nodeB)), uri(nodeB), null);
        socket.await(message -> message.path("type").asString().equals("cart"), 5);
        long productId = firstProduct(shopper);

        try (Connection admin = database.getPostgresDatabase().getConnection(); Statement kill = admin.createStatement()) {
            killListeners(kill);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode pushed = null;
        while (pushed == null && System.nanoTime() < deadline) {
            shopper.post("/api/cart/items", "{\"productId\": " + productId + ", \"quantity\": 1}");
            try {
                pushed = socket.await(message -> message.path("type").asString().equals("cart"), 1);
            } catch (AssertionError notYet) {
                // the node is still listening again; the next change will tell
            }
        }
        assertThat(pushed).as("a change arrives after the LISTEN connection was dropped").isNotNull();
        socket.close();
    }

    @Test
    void malformedMessagesCloseTheConnectionAndStrangeOriginsAreRefused() throws Exception {
        Shopper shopper = new Shopper(uri(nodeB));
        shopper.get("/api/cart");
        LiveSocket malformed = new LiveSocket(shopper, uri(nodeB), null);
        malformed.send("{not json");
        assertThat(malformed.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1007);

        LiveSocket tooMany = new LiveSocket(shopper, uri(nodeB), null);
        tooMany.send("{\"type\": \"subscribe\", \"productIds\": [" + "1,".repeat(300) + "1]}");
        assertThat(tooMany.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);

        LiveSocket oversized = new LiveSocket(shopper, uri(nodeB), null);
        oversized.send("{\"type\": \"subscribe\", \"productIds\": [], \"padding\": \"" + "x".repeat(20_000) + "\"}");
        // The server closes while the client may still be writing the rest; then the client sees the reset (1006).
        assertThat(oversized.closed.get(5, TimeUnit.SECONDS)).isIn(1009, 1006);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> new LiveSocket(shopper, uri(nodeB), "https://evil.example"))).isNotNull();
    }

    @Test
    void membersOfASharedCartOnDifferentNodesSeeEachOthersChanges() throws Exception {
        Shopper owner = new Shopper(uri(nodeA));
        owner.get("/api/cart");
        String token = owner.post("/api/cart/share", null).json().path("token").asString();
        Shopper friend = new Shopper(uri(nodeB));
        friend.post("/api/cart/join", "{\"token\": \"" + token + "\"}");
        LiveSocket ownersScreen = new LiveSocket(owner, uri(nodeA), null);
        ownersScreen.await(message -> message.path("type").asString().equals("cart"), 5);

        friend.post("/api/cart/items", "{\"productId\": " + firstProduct(friend) + ", \"quantity\": 3}");

        JsonNode pushed = ownersScreen.await(message -> message.path("cart").path("items").size() == 1, 5);
        assertThat(pushed.path("cart").path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(pushed.path("cart").path("members").asInt()).isEqualTo(2);
        ownersScreen.close();
    }

    @Test
    void aRemovedMembersScreenOnAnotherNodeFollowsThemBackToTheirOwnCart() throws Exception {
        Shopper owner = new Shopper(uri(nodeA));
        owner.post("/api/cart/items", "{\"productId\": " + firstProduct(owner) + ", \"quantity\": 1}");
        Shopper friend = new Shopper(uri(nodeB));
        String friendsOwnCart = friend.get("/api/cart").json().path("id").asString();
        String token = owner.post("/api/cart/share", null).json().path("token").asString();
        String sharedCart = friend.post("/api/cart/join", "{\"token\": \"" + token + "\"}").json().path("id").asString();
        LiveSocket friendsScreen = new LiveSocket(friend, uri(nodeB), null);
        friendsScreen.await(message -> message.path("cart").path("id").asString().equals(sharedCart), 5);
        LiveSocket ownersScreen = new LiveSocket(owner, uri(nodeA), null);
        ownersScreen.await(message -> message.path("cart").path("members").asInt() == 2, 5);
        String memberId = owner.get("/api/cart/members").json().path("members").get(0).path("id").asString();

        assertThat(owner.delete("/api/cart/members/" + memberId).status()).isEqualTo(204);

        JsonNode own = friendsScreen.await(message -> message.path("cart").path("id").asString().equals(friendsOwnCart), 5);
        assertThat(own.path("cart").path("members").asInt()).isEqualTo(1);
        ownersScreen.await(message -> message.path("cart").path("members").asInt() == 1, 5);
        // The friend's screen now follows their own cart, no longer the one they were removed from.
        friend.post("/api/cart/items", "{\"productId\": " + firstProduct(friend) + ", \"quantity\": 2}");
        friendsScreen.await(message -> message.path("cart").path("id").asString().equals(friendsOwnCart)
                && message.path("cart").path("items").size() == 1, 5);
        owner.post("/api/cart/items", "{\"productId\": " + firstProduct(owner) + ", \"quantity\": 1}");
        ownersScreen.await(message -> message.path("cart").path("items").get(0).path("quantity").asInt() == 2, 5);
        assertThat(friendsScreen.messages).noneMatch(message -> message.path("cart").path("id").asString().equals(sharedCart));
        friendsScreen.close();
        ownersScreen.close();
    }

    /** Ends both nodes' LISTEN connections, as a database that drops connections would. */
    private static void killListeners(Statement statement) throws SQLException {
        try (ResultSet killed = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid))"
                + " from pg_stat_activity where application_name = '" + ChangeListener.APPLICATION_NAME + "'")) {
            killed.next();
            assertThat(killed.getInt(1)).as("LISTEN connections ended").isEqualTo(2);
        }
    }
}
