package dev.cartwright;

import dev.cartwright.catalog.Product;
import dev.cartwright.catalog.TestProducts;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port over a real, embedded PostgreSQL, shared by every test
 * class of a run. Tests isolate themselves by using new shoppers and products of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartwright.admin.token=" + ServiceTest.ADMIN_TOKEN,
                // The races send hundreds of changes a second from one address; RateLimitTest turns limits on.
                "cartwright.rate-limit.enabled=false"})
public abstract class ServiceTest {

    protected static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private ApplicationContext context;

    /** Runs once per application context: a context with other properties gets a database of its own. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dataDir = TestDatabase.newDataDir();
        registry.add("cartwright.database.url", () -> "");
        registry.add("cartwright.database.data-dir", dataDir::toString);
    }

    /** A new guest with a cookie jar of their own. */
    protected Shopper newShopper() {
        return new Shopper(URI.create("http://localhost:" + port));
    }

    /** A product of the test's own, with this many units on hand. */
    protected Product newProduct(String name, long unitPrice, int stock) {
        return TestProducts.create(context, name, unitPrice, stock);
    }
}
