package dev.cartwright.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Scrape;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import org.junit.jupiter.api.Test;

/** POST /api/telemetry/rollbacks: the storefront's own count of its changes and rollbacks, bounded and kept as counts only. */
class ClientRollbacksTest extends ServiceTest {

    private static final String PATH = "/api/telemetry/rollbacks";
    private static final String ROLLBACKS = "cartwright_client_rollbacks_total";

    private Scrape scrape() {
        return Scrape.of(newShopper(), ADMIN_TOKEN);
    }

    @Test
    void aReportIsCountedByCodeAndUnknownCodesAsOther() {
        Scrape before = scrape();

        Shopper.Response answer = newShopper().post(PATH,
                "{\"changes\": 12, \"rollbacks\": {\"INSUFFICIENT_STOCK\": 2, \"VERSION_MISMATCH\": 1, \"SOMETHING_NEW\": 1}}",
                "Origin", "http://localhost:" + port);

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        Scrape after = scrape();
        assertThat(after.value("cartwright_client_changes_total") - before.value("cartwright_client_changes_total")).isEqualTo(12);
        assertThat(after.value(ROLLBACKS, "code", "INSUFFICIENT_STOCK") - before.value(ROLLBACKS, "code", "INSUFFICIENT_STOCK"))
                .isEqualTo(2);
        assertThat(after.value(ROLLBACKS, "code", "VERSION_MISMATCH") - before.value(ROLLBACKS, "code", "VERSION_MISMATCH"))
                .isEqualTo(1);
        assertThat(after.value(ROLLBACKS, "code", "OTHER") - before.value(ROLLBACKS, "code", "OTHER")).isEqualTo(1);
        assertThat(after.has(ROLLBACKS, "code", "SOMETHING_NEW")).isFalse();
    }

    @Test
    void badReportsAreRefusedAndCountNothing() {
        Shopper client = newShopper();
        Scrape before = scrape();

        for (String bad : new String[] {
                "{\"changes\": -1, \"rollbacks\": {}}",
                "{\"rollbacks\": {}}",
                "{\"changes\": 1}",
                "{\"changes\": 1, \"rollbacks\": {\"INSUFFICIENT_STOCK\": -3}}",
                "{\"changes\": 100000, \"rollbacks\": {}}",
                "{\"changes\": 1001, \"rollbacks\": {}}",
                "{\"changes\": 0, \"rollbacks\": {\"X\": 1000, \"Y\": 1000}}",
                "{\"changes\": 0, \"rollbacks\": {\"INSUFFICIENT_STOCK\": 600, \"VERSION_MISMATCH\": 401}}",
                "{\"changes\": 1, \"rollbacks\": {" + manyCodes(21) + "}}"}) {
            Shopper.Response refused = client.post(PATH, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(client.post(PATH, "{\"changes\": ").code()).isEqualTo("MALFORMED_JSON");
        Shopper.Response large = client.post(PATH, "{\"changes\": 1, \"rollbacks\": {}}" + " ".repeat(1100));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        Shopper.Response foreign = client.post(PATH, "{\"changes\": 1, \"rollbacks\": {}}", "Origin", "https://elsewhere.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("FOREIGN_ORIGIN");

        assertThat(scrape().value("cartwright_client_changes_total")).isEqualTo(before.value("cartwright_client_changes_total"));
        assertThat(scrape().value(ROLLBACKS, "code", "OTHER")).isEqualTo(before.value(ROLLBACKS, "code", "OTHER"));
    }

    private static String manyCodes(int count) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            codes.append(i == 0 ? "" : ", ").append("\"CODE_").append(i).append("\": 1");
        }
        return codes.toString();
    }
}
