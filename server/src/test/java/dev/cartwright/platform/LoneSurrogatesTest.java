package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Half of a UTF-16 surrogate pair, escaped in JSON as {@code \ud800}, is no character: stored, it
 * would become {@code ?}, so that two spellings named one thing. Every API refuses it, naming the field.
 */
class LoneSurrogatesTest extends ServiceTest {

    private static final String ADDRESS = """
            {"shippingAddress": {"name": "%s", "line1": "1 Main St", "city": "London", "postalCode": "SW1Y 4JH", "country": "GB"}}""";

    /** A request with {@code %s} where the text goes, and the field the refusal names. */
    record Text(String path, String body, String field) {

        @Override
        public String toString() {
            return path + " " + field;
        }
    }

    private static final List<Text> TEXTS = List.of(
            new Text("/api/account/signup", "{\"email\": \"%s@b.c\", \"password\": \"correct horse battery\", \"name\": \"Ada\"}", "email"),
            new Text("/api/account/signup", "{\"email\": \"ada@b.c\", \"password\": \"correct horse battery\", \"name\": \"A%s\"}", "name"),
            new Text("/api/account/signin", "{\"email\": \"%s@b.c\", \"password\": \"correct horse battery\"}", "email"),
            new Text("/api/account/signin", "{\"email\": \"ada@b.c\", \"password\": \"correct horse %s\"}", "password"),
            new Text("/api/coupons/validate", "{\"code\": \"WELCOME%s\"}", "code"),
            new Text("/api/checkouts", ADDRESS.formatted("Ada%s"), "shippingAddress.name"),
            new Text("/api/cart/join", "{\"token\": \"a%sb\"}", "token"));

    static Stream<Object[]> loneSurrogates() {
        List<Object[]> cases = new ArrayList<>();
        for (Text text : TEXTS) {
            for (String lone : List.of("\\ud800", "\\udfff", "\\ud83dx", "\\ude00\\ud83d", "\\ud83d")) {
                cases.add(new Object[] {text, lone});
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("loneSurrogates")
    void textWithALoneSurrogateIsRefusedNamingTheField(Text text, String lone) {
        Shopper.Response refused = newShopper().post(text.path(), text.body().formatted(lone));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().path("errors").valueStream().map(error -> error.path("field").asString()))
                .as(refused.toString()).containsExactly(text.field());
        assertThat(jdbc.sql("select count(*) from account where email like '%?@b.c'").query(Long.class).single()).isZero();
    }
}
