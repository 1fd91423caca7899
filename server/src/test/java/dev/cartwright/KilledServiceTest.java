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
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        Process killed = new ProcessBuilder(javaOf(ProcessHandle.current()), "-cp", System.getProperty("java.class.path"),
                CartwrightApplication.class.getName(), "--server.port=" + port, "--cartwright.database.url=",
                "--cartwright.database.data-dir=" + dataDir, "--cartwright.admin.token=killed-test")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .start();
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
