package dev.cartwright.account;

import static dev.cartwright.account.AccountCalls.PASSWORD;
import static dev.cartwright.account.AccountCalls.newEmail;
import static dev.cartwright.account.AccountCalls.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A service with small sign-in limits that refill slowly (per hour: 3 tries per email from one
 * address, 6 per address, 9 per email from all addresses). Each test speaks from addresses of
 * its own, in X-Forwarded-For, as a proxy would.
 */
@TestPropertySource(properties = {
        "cartwright.rate-limit.enabled=true",
        "cartwright.account.sign-in-period=PT1H",
        "cartwright.account.sign-ins-per-account-and-address=3",
        "cartwright.account.sign-ins-per-address=6",
        "cartwright.account.sign-ins-per-account=9"})
class SignInRateLimitTest extends ServiceTest {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Test
    void guessingOneAccountsPasswordFromOneAddressLocksOnlyThatAddressOutAndTheOwnerSignsInFromAnother() {
        String email = newAccountFrom("203.0.113.1");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(newShopper(), email, "a wrong guess " + i, FORWARDED_FOR, "203.0.113.10").code())
                    .isEqualTo("SIGN_IN_FAILED");
        }

        Shopper.Response limited = signIn(newShopper(), email, PASSWORD, FORWARDED_FOR, "203.0.113.10");
        Shopper.Response owner = signIn(newShopper(), email, PASSWORD, FORWARDED_FOR, "203.0.113.20");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        // One try comes back every 20 minutes: the answer says when, in whole seconds.
        assertThat(limited.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1200L));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(signIn(newShopper(), newEmail(), PASSWORD, FORWARDED_FOR, "203.0.113.10").code())
                .isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void guessingOneEmailFromManyAddressesIsBoundedAcrossThemAll() {
        String email = newEmail();
        for (int i = 0; i < 9; i++) {
            assertThat(signIn(newShopper(), email, "a wrong guess " + i, FORWARDED_FOR, "203.0.113.3" + i).code())
                    .isEqualTo("SIGN_IN_FAILED");
        }

        assertThat(signIn(newShopper(), email, PASSWORD, FORWARDED_FOR, "203.0.113.40").code()).isEqualTo("RATE_LIMITED");
        assertThat(signIn(newShopper(), newEmail(), PASSWORD, FORWARDED_FOR, "203.0.113.40").code())
                .isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void oneAddressTryingManyEmailsIsSlowedDownAndOtherAddressesAreNot() {
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(newShopper(), newEmail(), PASSWORD, FORWARDED_FOR, "198.51.100.7").code())
                    .isEqualTo("SIGN_IN_FAILED");
        }

        Shopper.Response limited = signIn(newShopper(), newEmail(), PASSWORD, FORWARDED_FOR, "198.51.100.7");
        Shopper.Response elsewhere = signIn(newShopper(), newEmail(), PASSWORD, FORWARDED_FOR, "198.51.100.8");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(elsewhere.code()).isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void signUpsCountInTheSameLimits() {
        String email = newAccountFrom("198.51.100.30");
        for (int i = 0; i < 2; i++) {
            assertThat(signUpFrom("198.51.100.30", email, "another long password " + i).code()).isEqualTo("SIGN_UP_REFUSED");
        }

        assertThat(signIn(newShopper(), email, PASSWORD, FORWARDED_FOR, "198.51.100.30").code()).isEqualTo("RATE_LIMITED");
    }

    private String newAccountFrom(String address) {
        String email = newEmail();
        Shopper.Response created = signUpFrom(address, email, PASSWORD);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private Shopper.Response signUpFrom(String address, String email, String password) {
        return newShopper().post("/api/account/signup",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Ada\"}".formatted(email, password),
                FORWARDED_FOR, address);
    }
}
