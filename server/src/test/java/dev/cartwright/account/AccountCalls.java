package dev.cartwright.account;

import dev.cartwright.Shopper;
import java.util.UUID;

/** The account calls as a storefront makes them. */
public final class AccountCalls {

    public static final String PASSWORD = "correct horse battery";

    private AccountCalls() {}

    /** An email no other test uses. */
    public static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    public static Shopper.Response signUp(Shopper shopper, String email, String password, String name) {
        return shopper.post("/api/account/signup",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"%s\"}".formatted(email, password, name));
    }

    public static Shopper.Response signIn(Shopper shopper, String email, String password, String... headers) {
        return shopper.post("/api/account/signin", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password),
                headers);
    }

    /** A new account, signed up (and so signed in) by this shopper; answers its email. */
    public static String newAccount(Shopper shopper) {
        String email = newEmail();
        Shopper.Response created = signUp(shopper, email, PASSWORD, "Ada");
        if (created.status() != 201) {
            throw new AssertionError("Sign-up failed: " + created);
        }
        return email;
    }
}
