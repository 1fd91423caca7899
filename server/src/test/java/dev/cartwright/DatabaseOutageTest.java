package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops while the service runs: every call answers 503 DATABASE_UNAVAILABLE with
 * Retry-After, never a 500, and once PostgreSQL is back the service serves again by itself.
 */
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsDownCallsAnswer503AndAfterItIsBackTheyWorkWithoutARestart() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        EmbeddedPostgres database = start(dataDir, 0);
        int port = database.getPort();
        try (ConfigurableApplicationContext service = serviceOn(database)) {
            URI node = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            Shopper shopper = new Shopper(node);
            long productId = shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            assertThat(shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)).status())
                    .isEqualTo(200);
            String before = shopper.get("/api/cart").body();

            database.close();
            List<Shopper.Response> during = new ArrayList<>();
            during.add(shopper.get("/api/cart"));
            during.add(shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)));
            during.add(shopper.get("/api/products?limit=3"));
            during.add(new Shopper(node).post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)));
            for (Shopper.Response answer : during) {
                assertThat(answer.status()).as("%s %s", answer.raw().request().method(), answer.raw().request().uri() + " " + answer)
                        .isEqualTo(503);
                assertThat(answer.code()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.header("Retry-After")).isPresent();
            }

            database = start(dataDir, port);
            Shopper.Response after = shopper.get("/api/cart");
            for (int tries = 0; after.status() != 200 && tries < 50; tries++) {
                Thread.sleep(200);
                after = shopper.get("/api/cart");
            }
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).as("nothing acknowledged was lost, nothing refused was applied").isEqualTo(before);
        } finally {
            database.close();
        }
    }

    @Test
    void aDatabaseCrashUnderLoadGivesOnly503sAndTheServiceServesAgainWithNothingAcknowledgedLost() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        EmbeddedPostgres database = start(dataDir, 0);
        int port = database.getPort();
        try (ConfigurableApplicationContext service = serviceOn(database)) {
            URI node = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            long productId = new Shopper(node).get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            int shoppers = 8;
            List<Shopper> crowd = new ArrayList<>();
            for (int i = 0; i < shoppers; i++) {
                crowd.add(new Shopper(node));
            }
            AtomicLongArray acknowledged = new AtomicLongArray(shoppers);
            Set<Integer> statuses = ConcurrentHashMap.newKeySet();
            AtomicBoolean loading = new AtomicBoolean(true);
            try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < shoppers; i++) {
                    int index = i;
                    load.submit(() -> {
                        for (int quantity = 1; loading.get(); quantity = quantity % 3 + 1) {
                            Shopper.Response answer = crowd.get(index).put("/api/cart/products/" + productId,
                                    "{\"quantity\": " + quantity + "}");
                            statuses.add(answer.status());
                            if (answer.status() == 200) {
                                acknowledged.accumulateAndGet(index, answer.json().path("version").asLong(), Math::max);
                            }
                        }
                    });
                }
                try {
                    Thread.sleep(1500);
                    crashImmediately(dataDir);
                    database.close(); // only gives up the library's lock on the data directory: the server is gone
                    Thread.sleep(2000);
                    database = start(dataDir, port);
                    Thread.sleep(2000);
                } finally {
                    loading.set(false);
                }
            }

            assertThat(statuses).as("answers during the crash").doesNotContain(500).contains(200, 503);
            assertThat(statuses).allMatch(status -> status == 200 || status == 503, "only served or told to come back");
            for (int i = 0; i < shoppers; i++) {
                long version = crowd.get(i).get("/api/cart").json().path("version").asLong();
                assertThat(version).as("shopper %d's acknowledged changes survived the crash", i)
                        .isGreaterThanOrEqualTo(acknowledged.get(i));
            }
            StockLedger.assertBalanced(service.getBean(org.springframework.jdbc.core.simple.JdbcClient.class));
        } finally {
            database.close();
        }
    }

    @Test
    void aDroppedDatabaseConnectionIsNeverTakenForAClientThatWentAway() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        EmbeddedPostgres database = start(dataDir, 0);
        try (ConfigurableApplicationContext service = serviceOn(database);
                java.sql.Connection admin = database.getPostgresDatabase().getConnection()) {
            URI node = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            Shopper shopper = new Shopper(node);
            long productId = shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId));
            for (int round = 0; round < 5; round++) {
                // Every connection of the pool dies under it, as when PostgreSQL restarts or a proxy drops them.
                admin.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where pid <> pg_backend_pid() and datname = current_database()");
                for (int i = 0; i < 4; i++) {
                    Shopper.Response answer = shopper.get("/api/cart");
                    if (answer.status() == 200) {
                        assertThat(answer.json().path("items")).as("a served cart is a whole cart").hasSize(1);
                    } else {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                        assertThat(answer.code()).isEqualTo("DATABASE_UNAVAILABLE");
                    }
                }
            }
        } finally {
            database.close();
        }
    }

    /** An immediate shutdown: the postmaster and every backend stop at once, as in a crash; the log recovers on start. */
    private static void crashImmediately(Path dataDir) throws Exception {
        String pid = java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip();
        assertThat(new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor()).isZero();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(postmaster -> postmaster.onExit().join());
    }

    /** The service on that PostgreSQL, quick to give up waiting for a connection, with no limits on its load. */
    private static ConfigurableApplicationContext serviceOn(EmbeddedPostgres database) {
        return new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=postgres://postgres:postgres@localhost:" + database.getPort() + "/postgres",
                        "--cartwright.admin.token=outage", "--cartwright.payment.provider=simulated",
                        "--cartwright.database.connection-timeout=PT1S", "--cartwright.rate-limit.enabled=false");
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }
}
