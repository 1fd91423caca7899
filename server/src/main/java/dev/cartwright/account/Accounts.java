package dev.cartwright.account;

import dev.cartwright.cart.Carts;
import dev.cartwright.checkout.AdoptedCheckouts;
import dev.cartwright.shopper.GuestSignedIn;
import dev.cartwright.shopper.IdentityEnded;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import dev.cartwright.shopper.Shoppers;
import dev.cartwright.shopper.Sessions;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, sign-in and sign-out. A password is hashed or checked before any transaction begins,
 * holding no connection (it takes tens of milliseconds on purpose); then one transaction opens
 * the session and merges the guest's cart, checkouts and orders into the account's.
 */
@Service
public class Accounts {

    private final AccountStore store;
    private final Passwords passwords;
    private final SignInLimits limits;
    private final Carts carts;
    private final AdoptedCheckouts adoptedCheckouts;
    private final Sessions sessions;
    private final Shoppers shoppers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Accounts(AccountStore store, Passwords passwords, SignInLimits limits, Carts carts, AdoptedCheckouts adoptedCheckouts,
            Sessions sessions, Shoppers shoppers, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.store = store;
        this.passwords = passwords;
        this.limits = limits;
        this.carts = carts;
        this.adoptedCheckouts = adoptedCheckouts;
        this.sessions = sessions;
        this.shoppers = shoppers;
        this.events = events;
        this.transactions = transactions;
    }

    /** One address is one account however it is typed. */
    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A new account, signed in at once. An email that has an account already signs in when the
     * password is that account's (a sign-up retried after its answer was lost), and is refused
     * otherwise; either way the password is hashed or checked, so both take as long.
     */
    SignIn signUp(Browser browser, String email, String password, String name) {
        String address = normalized(email);
        OptionalLong wait = limits.take(address, browser.request().getRemoteAddr());
        if (wait.isPresent()) {
            return new SignIn.Limited(wait.getAsLong());
        }
        Optional<AccountStore.AccountRow> existing = store.byEmail(address);
        if (existing.isPresent()) {
            return passwords.matches(password, existing.get().passwordHash())
                    ? signInAs(browser, existing.get(), false)
                    : new SignIn.NotCreated();
        }
        AccountStore.AccountRow account = new AccountStore.AccountRow(new ShopperId(UUID.randomUUID()), address,
                name.strip(), passwords.hash(password));
        return Objects.requireNonNull(transactions.execute(tx -> {
            shoppers.enroll(account.shopper());
            if (!store.create(account)) {
                tx.setRollbackOnly();
                return new SignIn.NotCreated();
            }
            return signedIn(browser, account, true);
        }));
    }

    SignIn signIn(Browser browser, String email, String password) {
        String address = normalized(email);
        OptionalLong wait = limits.take(address, browser.request().getRemoteAddr());
        if (wait.isPresent()) {
            return new SignIn.Limited(wait.getAsLong());
        }
        Optional<AccountStore.AccountRow> account = store.byEmail(address);
        if (account.isEmpty()) {
            passwords.matchNobody(password);
            return new SignIn.WrongCredentials();
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            return new SignIn.WrongCredentials();
        }
        return signInAs(browser, account.get(), false);
    }

    /** Ends this browser's session, which becomes a new guest; the account's cart stays the account's. A guest stays as they are. */
    void signOut(Browser browser) {
        SessionId session = browser.session();
        if (session == null) {
            return;
        }
        transactions.executeWithoutResult(tx -> sessions.end(browser.shopper(), session));
        sessions.newGuest(browser.request(), browser.response());
    }

    /** The account of a signed-in browser; none for a guest. */
    public Optional<AccountView> of(ShopperId shopper, @Nullable SessionId session) {
        return session == null ? Optional.empty() : store.byShopper(shopper);
    }

    private SignIn signInAs(Browser browser, AccountStore.AccountRow account, boolean created) {
        return Objects.requireNonNull(transactions.execute(tx -> signedIn(browser, account, created)));
    }

    /**
     * In the caller's transaction: a guest's cart, checkouts and orders become the account's (within
     * the account's reservation caps), and the guest's identity ends (its open sockets close); a
     * browser signed in already only leaves its session.
     */
    private SignIn.SignedIn signedIn(Browser browser, AccountStore.AccountRow account, boolean created) {
        @Nullable GuestMerge merged = null;
        SessionId session = browser.session();
        if (session != null) {
            sessions.end(browser.shopper(), session);
        } else {
            adoptedCheckouts.lockShoppers(browser.shopper(), account.shopper());
            merged = GuestMerge.of(carts.merge(browser.shopper(), account.shopper()),
                    adoptedCheckouts.adopt(browser.shopper(), account.shopper()));
            events.publishEvent(new GuestSignedIn(browser.shopper(), account.shopper()));
            events.publishEvent(new IdentityEnded(browser.shopper().value(), null));
        }
        sessions.open(account.shopper(), browser.request(), browser.response());
        return new SignIn.SignedIn(account.view(), merged, created);
    }
}
