package dev.cartwright.account;

import org.jspecify.annotations.Nullable;

/** What became of a sign-up or a sign-in. */
sealed interface SignIn {

    /**
     * The browser is signed in to the account. {@code merged}: the guest's cart and checkouts joined the
     * account's; null when the browser was signed in already, as this account or another, whose cart merges nowhere.
     */
    record SignedIn(AccountView account, @Nullable GuestMerge merged, boolean created) implements SignIn {}

    /** No account with this email and password: the same answer whether the email has an account or not. */
    record WrongCredentials() implements SignIn {}

    /** A sign-up with an email that has an account, and another password. */
    record NotCreated() implements SignIn {}

    record Limited(long nanosToWait) implements SignIn {}
}
