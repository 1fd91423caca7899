package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operator's call needs the admin token: without it, or with another, 401 and nothing read or done. */
class OperatorRoutesTest extends ServiceTest {

    @Test
    void everyOperatorCallWithoutTheTokenAnswers401() {
        Product product = newProduct("Guarded Console Lamp", 1000, 3);
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/admin/products"},
                new String[] {"GET", "/api/admin/products/" + product.id() + "/movements"},
                new String[] {"GET", "/api/admin/products/" + product.id() + "/drop"},
                new String[] {"GET", "/api/admin/products/" + product.id() + "/waiting"},
                new String[] {"GET", "/api/admin/orders?q=a@example.com"},
                new String[] {"GET", "/api/admin/refunds"},
                new String[] {"POST", "/api/admin/refunds/ps_x/send"});
        for (String[] call : calls) {
            for (String[] auth : new String[][] {{}, {"Authorization", "Bearer wrong"}, {"Authorization", ADMIN_TOKEN},
                    {"Authorization", "Basic " + ADMIN_TOKEN}}) {
                Shopper.Response refused = newShopper().send(call[0], call[1], null, auth);
                assertThat(refused.status()).as(call[1]).isEqualTo(401);
                assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
            }
            assertThat(newShopper().send(call[0], call[1], null, "Authorization", "Bearer " + ADMIN_TOKEN).status())
                    .as(call[1]).isIn(200, 404);
        }
    }
}
