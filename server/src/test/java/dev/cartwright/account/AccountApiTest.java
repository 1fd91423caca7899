package dev.cartwright.account;

import static dev.cartwright.account.AccountCalls.PASSWORD;
import static dev.cartwright.account.AccountCalls.newAccount;
import static dev.cartwright.account.AccountCalls.newEmail;
import static dev.cartwright.account.AccountCalls.signIn;
import static dev.cartwright.account.AccountCalls.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import dev.cartwright.platform.RetentionTask;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountApiTest extends ServiceTest {

    @Autowired
    private List<RetentionTask> retentionTasks;

    @Test
    void signingUpSignsInAndTheAccountSaysWhoItIs() {
        Shopper shopper = newShopper();
        shopper.get("/api/cart");
        String guestCookie = shopper.cookieHeader();
        String email = newEmail();

        Shopper.Response created = signUp(shopper, email.toUpperCase(), PASSWORD, "  Ada Lovelace ");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).hasValue("no-store");
        assertThat(created.json().path("email").asString()).isEqualTo(email);
        assertThat(created.json().path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(created.json().path("merged").path("capped").isArray()).isTrue();
        assertThat(shopper.cookieHeader()).isNotEqualTo(guestCookie);
        String setCookie = created.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        Shopper.Response account = shopper.get("/api/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().path("email").asString()).isEqualTo(email);
        assertThat(account.json().path("name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aGuestIsNotSignedIn() {
        Shopper.Response account = newShopper().get("/api/account");

        assertThat(account.status()).isEqualTo(401);
        assertThat(account.contentType()).startsWith("application/problem+json");
        assertThat(account.code()).isEqualTo("NOT_SIGNED_IN");
    }

    @Test
    void signingInOnAnotherBrowserIsTheSameAccountHoweverTheEmailIsTyped() {
        String email = newAccount(newShopper());
        Shopper other = newShopper();

        Shopper.Response signedIn = signIn(other, " " + email.toUpperCase() + " ", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("email").asString()).isEqualTo(email);
        assertThat(other.get("/api/account").json().path("email").asString()).isEqualTo(email);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAnswerAlike() {
        String email = newAccount(newShopper());

        Shopper.Response wrongPassword = signIn(newShopper(), email, "not the password at all");
        Shopper.Response unknownEmail = signIn(newShopper(), newEmail(), "not the password at all");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("SIGN_IN_FAILED");
        assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void theGuestCookieNoLongerReachesTheAccountOnceItsGuestSignedIn() {
        Product kettle = newProduct("Fixation Kettle", 2500, 10);
        String email = newAccount(newShopper());
        Shopper browser = newShopper();
        browser.put("/api/cart/products/" + kettle.id(), "{\"quantity\": 2}");
        String guestCookie = browser.cookieHeader();

        signIn(browser, email, PASSWORD);

        Shopper withGuestCookie = newShopper();
        assertThat(withGuestCookie.get("/api/account", "Cookie", guestCookie).status()).isEqualTo(401);
        Shopper.Response guestCart = withGuestCookie.get("/api/cart", "Cookie", guestCookie);
        assertThat(guestCart.json().path("items").size()).isZero();
        Shopper.Response accountCart = browser.get("/api/cart");
        assertThat(accountCart.json().path("id").asString()).isNotEqualTo(guestCart.json().path("id").asString());
        assertThat(accountCart.json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void signingOutEndsTheSessionForEveryCopyOfItsCookie() {
        Product mug = newProduct("Sign-out Mug", 900, 10);
        Shopper browser = newShopper();
        newAccount(browser);
        browser.put("/api/cart/products/" + mug.id(), "{\"quantity\": 1}");
        String sessionCookie = browser.cookieHeader();

        Shopper.Response signedOut = browser.post("/api/account/signout", null);

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(browser.cookieHeader()).isNotEqualTo(sessionCookie);
        assertThat(browser.get("/api/account").status()).isEqualTo(401);
        assertThat(browser.get("/api/cart").json().path("items").size()).isZero();
        Shopper copy = newShopper();
        assertThat(copy.get("/api/account", "Cookie", sessionCookie).status()).isEqualTo(401);
        assertThat(copy.get("/api/cart", "Cookie", sessionCookie).json().path("items").size()).isZero();
    }

    @Test
    void theAccountsCartStaysWithTheAccountAfterSigningOut() {
        Product mug = newProduct("Kept Mug", 900, 10);
        Shopper browser = newShopper();
        String email = newAccount(browser);
        browser.put("/api/cart/products/" + mug.id(), "{\"quantity\": 3}");
        browser.post("/api/account/signout", null);

        Shopper.Response again = signIn(browser, email, PASSWORD);

        assertThat(again.status()).isEqualTo(200);
        assertThat(browser.get("/api/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void aGuestSigningOutStaysTheGuestTheyWere() {
        Product mug = newProduct("Guest Mug", 900, 10);
        Shopper guest = newShopper();
        guest.put("/api/cart/products/" + mug.id(), "{\"quantity\": 1}");

        assertThat(guest.post("/api/account/signout", null).status()).isEqualTo(204);

        assertThat(guest.get("/api/cart").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void signingUpWithATakenEmailAndAnotherPasswordIsRefusedWithoutSayingWhy() {
        String email = newAccount(newShopper());
        Shopper other = newShopper();

        Shopper.Response refused = signUp(other, email, "another long password", "Eve");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SIGN_UP_REFUSED");
        assertThat(refused.json().path("detail").asString()).doesNotContain("exist").doesNotContain("taken");
        assertThat(other.get("/api/account").status()).isEqualTo(401);
    }

    @Test
    void aSignUpRetriedWithTheSamePasswordSignsIntoTheAccountItMade() {
        Shopper browser = newShopper();
        String email = newAccount(browser);

        Shopper.Response retried = signUp(newShopper(), email, PASSWORD, "Ada");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("email").asString()).isEqualTo(email);
    }

    @Test
    void badDetailsAreRefusedNamingTheFieldToFix() {
        String email = newEmail();
        assertRefused(signUp(newShopper(), email, "too short", "Ada"), "password", "must be 10 to 128 characters");
        assertRefused(signUp(newShopper(), email, " ".repeat(12), "Ada"), "password", "must not be only spaces");
        assertRefused(signUp(newShopper(), email, "x".repeat(129), "Ada"), "password", "must be 10 to 128 characters");
        assertRefused(signUp(newShopper(), "ada.example.com", PASSWORD, "Ada"), "email",
                "must be an email address, like ada@example.com");
        assertRefused(signUp(newShopper(), "ada@example", PASSWORD, "Ada"), "email",
                "must be an email address, like ada@example.com");
        assertRefused(signUp(newShopper(), "a".repeat(250) + "@example.com", PASSWORD, "Ada"), "email",
                "must be at most 254 characters");
        assertRefused(signUp(newShopper(), email, PASSWORD, "   "), "name", "must have a letter, digit or sign in it");
        assertRefused(signUp(newShopper(), email, PASSWORD, "n".repeat(61)), "name", "must be 1 to 60 characters");
        Shopper.Response missing = newShopper().post("/api/account/signin", "{\"email\": \"%s\"}".formatted(email));
        assertRefused(missing, "password", "must not be null");
        assertThat(signIn(newShopper(), email, PASSWORD).code()).isEqualTo("SIGN_IN_FAILED");
    }

    /** Each of these would look like ada@example.com and still be another account. Escaped as JSON sends them. */
    @Test
    void anEmailWithAnInvisibleOrControlCharacterIsRefused() {
        for (String invisible : List.of("\\u00a0", "\\u200b", "\\u2007", "\\ufeff", "\\u202e", "\\u2028", "\\u0007",
                "\\u00ad", "\\u3000")) {
            String email = "ada" + invisible + "-" + UUID.randomUUID() + "@example.com";

            assertRefused(signUp(newShopper(), email, PASSWORD, "Ada"), "email", "must be an email address, like ada@example.com");
        }
        assertThat(jdbc.sql("select count(*) from account where email ~ '[\\u00a0\\u200b\\u2007\\ufeff\\u202e\\u2028\\u0007]'")
                .query(Long.class).single()).isZero();
    }

    /** Letters of other scripts that look like Latin ones are letters: such an email is another address, as the mail system sees it. */
    @Test
    void aLookAlikeLetterFromAnotherScriptIsAnotherEmail() {
        String email = "\u0430da-" + UUID.randomUUID() + "@example.com";

        assertThat(signUp(newShopper(), email, PASSWORD, "Ada").status()).isEqualTo(201);
    }

    @Test
    void aNameWithControlOrFormattingCharactersOrNothingVisibleIsRefused() {
        String email = newEmail();
        for (String name : List.of("a\\nb", "a\\tb", "x\\u202eevil", "x\\u2028y", "Ada\\u200b")) {
            assertRefused(signUp(newShopper(), email, PASSWORD, name), "name",
                    "must not hold control or formatting characters, like a line break");
        }
        for (String name : List.of("\\u200b", "\\u0007", "\\u00a0\\u2007")) {
            Shopper.Response refused = signUp(newShopper(), email, PASSWORD, name);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").valueStream().map(error -> error.path("detail").asString()))
                    .as(refused.toString()).contains("must have a letter, digit or sign in it");
        }
        assertThat(signIn(newShopper(), email, PASSWORD).code()).isEqualTo("SIGN_IN_FAILED");
    }

    /** A joiner inside an emoji sequence (and a pair of surrogates, which is one character) belongs in a name. */
    @Test
    void aNameWithAnEmojiSequenceIsKept() {
        Shopper shopper = newShopper();
        Shopper.Response created = signUp(shopper, newEmail(), PASSWORD, "Zo\u00eb \\ud83d\\udc69\\u200d\\ud83d\\udcbb");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(shopper.get("/api/account").json().path("name").asString()).isEqualTo("Zo\u00eb \ud83d\udc69\u200d\ud83d\udcbb");
    }

    @Test
    void aRepeatedIdempotencyKeySignsInAgainAndNeverReplaysAnotherSessionsCookie() {
        String email = newAccount(newShopper());
        Shopper browser = newShopper();
        browser.get("/api/cart");
        String guestCookie = browser.cookieHeader();
        String key = UUID.randomUUID().toString();

        Shopper.Response first = signIn(browser, email, PASSWORD, "Idempotency-Key", key);
        Shopper retry = newShopper();
        Shopper.Response again = signIn(retry, email, PASSWORD, "Idempotency-Key", key, "Cookie", guestCookie);
        Shopper.Response wrong = signIn(newShopper(), email, "not the password at all", "Idempotency-Key", key,
                "Cookie", guestCookie);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.header("Set-Cookie")).isPresent();
        assertThat(again.header("Set-Cookie")).isNotEqualTo(first.header("Set-Cookie"));
        assertThat(browser.get("/api/account").status()).isEqualTo(200);
        assertThat(retry.get("/api/account").status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void aSignInFromAForeignPageIsRefused() {
        String email = newAccount(newShopper());
        Shopper browser = newShopper();

        Shopper.Response refused = signIn(browser, email, PASSWORD, "Origin", "https://evil.example");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FOREIGN_ORIGIN");
        assertThat(browser.get("/api/account").status()).isEqualTo(401);
    }

    @Test
    void anAccountLongAwayIsNeverForgottenLikeAGuest() {
        Product mug = newProduct("Remembered Mug", 900, 10);
        Shopper browser = newShopper();
        String email = newAccount(browser);
        browser.put("/api/cart/products/" + mug.id(), "{\"quantity\": 1}");
        jdbc.sql("""
                        with account as (select shopper_id from account where email = :email),
                             cart as (update cart set updated_at = now() - interval '40 days'
                                       where owner_id = (select shopper_id from account))
                        update shopper set last_seen_at = now() - interval '40 days' where id = (select shopper_id from account)
                        """)
                .param("email", email)
                .update();

        retentionTasks.stream().filter(task -> task.rows().startsWith("abandoned guests")).forEach(task -> task.forget(500));

        assertThat(browser.get("/api/account").status()).isEqualTo(200);
        assertThat(browser.get("/api/cart").json().path("items").size()).isEqualTo(1);
    }

    private static void assertRefused(Shopper.Response refused, String field, String detail) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(refused.json().path("errors").get(0).path("detail").asString()).isEqualTo(detail);
    }
}
