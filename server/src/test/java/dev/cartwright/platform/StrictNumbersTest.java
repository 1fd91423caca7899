package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One way to write a number in an address: every other spelling names nothing, or is refused. */
class StrictNumbersTest extends ServiceTest {

    @Test
    void aProductIdInOtherDigitsOrAnotherBaseNamesNoProduct() {
        Product product = newProduct("Strict Jug", 1200, 3);
        Shopper visitor = newShopper();
        assertThat(visitor.get("/api/products/" + product.id()).status()).isEqualTo(200);

        String id = Long.toString(product.id());
        for (String spelling : new String[] {"+" + id, toArabicIndic(id), toFullwidth(id), "0x" + Long.toHexString(product.id())}) {
            Shopper.Response answer = visitor.get("/api/products/" + URLEncoder.encode(spelling, StandardCharsets.UTF_8));
            assertThat(answer.status()).as(spelling).isEqualTo(404);
            assertThat(answer.code()).as(spelling).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aPageSizeInOtherDigitsOrAnotherBaseIsRefused() {
        Shopper visitor = newShopper();
        assertThat(visitor.get("/api/products?limit=5").status()).isEqualTo(200);

        for (String spelling : new String[] {"+5", "0x10", "５", "٥", "5.0", " 5"}) {
            Shopper.Response answer = visitor.get("/api/products?limit=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8));
            assertThat(answer.status()).as(spelling).isEqualTo(400);
            assertThat(answer.code()).as(spelling).isEqualTo("VALIDATION_FAILED");
        }
    }

    private static String toArabicIndic(String digits) {
        return shifted(digits, '\u0660');
    }

    private static String toFullwidth(String digits) {
        return shifted(digits, '\uFF10');
    }

    private static String shifted(String digits, char zero) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(digit -> out.append((char) (zero + digit - '0')));
        return out.toString();
    }
}
