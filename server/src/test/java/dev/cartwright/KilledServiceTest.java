package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The service killed with SIGKILL, as the OOM killer or a container runtime does, leaves its
 * embedded PostgreSQL running; starting again on the same data directory stops that one and
 * goes on, with every acknowledged change there, synced to disk.
 */
class KilledServiceTest {

    @Test
    void aServiceKilledWithSigkillStartsAgainOnItsDataDirectoryWithNothingLost() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        int port = freePort();
        Process killed = startChild(dataDir, port);
        List<Shopper> shoppers = new ArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        try {
            URI node = URI.create("http://localhost:" + port);
            awaitHealthy(node, killed);
            long productId = new Shopper(node).get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            for (int i = 1; i <= 5; i++) {
                Shopper shopper = new Shopper(node);
                Shopper.Response added = shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId));
                assertThat(added.status()).isEqualTo(200);
                shoppers.add(shopper);
                acknowledged.add(added.body());
            }
        } finally {
            killed.destroyForcibly().waitFor();
        }
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("the killed service left its PostgreSQL running").isTrue();

        Instant restarting = Instant.now();
        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=", "--cartwright.database.data-dir=" + dataDir)) {
            assertThat(Duration.between(restarting, Instant.now())).as("healthy again within 30 s").isLessThan(Duration.ofSeconds(30));
            URI node = URI.create("http://localhost:" + again.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < shoppers.size(); i++) {
                assertThat(shoppers.get(i).at(node).get("/api/cart").body()).isEqualTo(acknowledged.get(i));
            }
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void aServiceKilledInTheMiddleOfALoadOfChangesAndCheckoutsLosesNothingAcknowledgedAndLeaksNoStock() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        int port = freePort();
        Process killed = startChild(dataDir, port);
        URI node = URI.create("http://localhost:" + port);
        List<long[]> productIds = new ArrayList<>();
        int shoppers = 16;
        List<Shopper> crowd = new ArrayList<>();
        AtomicLongArray acknowledgedVersions = new AtomicLongArray(shoppers);
        Set<String> acknowledgedCheckouts = ConcurrentHashMap.newKeySet();
        try {
            awaitHealthy(node, killed);
            JsonNode items = new Shopper(node).get("/api/products?limit=6").json().path("items");
            items.forEach(item -> productIds.add(new long[] {item.path("id").asLong()}));
            for (int i = 0; i < shoppers; i++) {
                crowd.add(new Shopper(node));
            }
            CountDownLatch loaded = new CountDownLatch(shoppers * 5);
            try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < shoppers; i++) {
                    int shopper = i;
                    load.submit(() -> changeAndCheckOutUntilKilled(crowd.get(shopper), productIds, acknowledgedVersions, shopper,
                            acknowledgedCheckouts, loaded));
                }
                assertThat(loaded.await(60, TimeUnit.SECONDS)).as("the load got going").isTrue();
                killed.destroyForcibly().waitFor();
            }
        } finally {
            killed.destroyForcibly().waitFor();
        }

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=", "--cartwright.database.data-dir=" + dataDir)) {
            URI restarted = URI.create("http://localhost:" + again.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < shoppers; i++) {
                long version = crowd.get(i).at(restarted).get("/api/cart").json().path("version").asLong();
                assertThat(version).as("shopper %d's acknowledged changes are there", i).isGreaterThanOrEqualTo(acknowledgedVersions.get(i));
            }
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            for (String checkout : acknowledgedCheckouts) {
                assertThat(jdbc.sql("select count(*) from checkout where id = cast(:id as uuid)").param("id", checkout)
                        .query(Long.class).single()).as("checkout %s was acknowledged", checkout).isOne();
            }
            assertThat(acknowledgedCheckouts).as("the load made checkouts").isNotEmpty();
            StockLedger.assertBalanced(jdbc);
        }
    }

    /** One shopper's clicks: quantities, checkouts, cancellations, until the service is gone. */
    private static void changeAndCheckOutUntilKilled(Shopper shopper, List<long[]> products, AtomicLongArray versions, int index,
            Set<String> checkouts, CountDownLatch loaded) {
        java.util.Random random = new java.util.Random(index);
        try {
            while (true) {
                long product = products.get(random.nextInt(products.size()))[0];
                Shopper.Response changed = shopper.put("/api/cart/products/" + product, "{\"quantity\": " + (1 + random.nextInt(2)) + "}");
                if (changed.status() == 200) {
                    versions.accumulateAndGet(index, changed.json().path("version").asLong(), Math::max);
                }
                if (random.nextInt(3) == 0) {
                    Shopper.Response created = shopper.post("/api/checkouts", "{\"shippingAddress\": {\"name\": \"Ada\","
                            + " \"line1\": \"1 Main St\", \"city\": \"London\", \"postalCode\": \"SW1Y 4JH\", \"country\": \"GB\"}}");
                    if (created.status() == 201) {
                        String id = created.json().path("id").asString();
                        checkouts.add(id);
                        if (random.nextBoolean()) {
                            shopper.delete("/api/checkouts/" + id);
                        }
                    }
                }
                loaded.countDown();
            }
        } catch (RuntimeException gone) {
            // The service was killed under this shopper's feet.
        }
    }

    private static Process startChild(Path dataDir, int port) throws IOException {
        return new ProcessBuilder(javaOf(ProcessHandle.current()), "-cp", System.getProperty("java.class.path"),
                CartwrightApplication.class.getName(), "--server.port=" + port, "--cartwright.database.url=",
                "--cartwright.database.data-dir=" + dataDir, "--cartwright.admin.token=killed-test",
                "--cartwright.rate-limit.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(URI node, Process service) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service is starting").isTrue();
            try {
                if (new Shopper(node).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The service did not become healthy within 90 s");
    }

    private static String javaOf(ProcessHandle process) {
        return process.info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
