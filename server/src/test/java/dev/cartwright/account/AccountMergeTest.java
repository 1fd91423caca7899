package dev.cartwright.account;

import static dev.cartwright.account.AccountCalls.PASSWORD;
import static dev.cartwright.account.AccountCalls.newAccount;
import static dev.cartwright.account.AccountCalls.signIn;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.LockWaits;
import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What signing in does with the guest's cart, checkouts and orders. */
class AccountMergeTest extends ServiceTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theGuestsLinesJoinTheAccountsCartCappedAtTheLineMaximumAndAtWhatIsAvailable() {
        Product plenty = newProduct("Merge Plenty", 100, 500);
        Product scarce = newProduct("Merge Scarce", 200, 5);
        Product plain = newProduct("Merge Plain", 300, 10);
        Shopper device = newShopper();
        String email = newAccount(device);
        setQuantity(device, plenty, 60);
        setQuantity(device, scarce, 4);
        Shopper guest = newShopper();
        setQuantity(guest, plenty, 50);
        setQuantity(guest, scarce, 3);
        setQuantity(guest, plain, 2);
        String guestCookie = guest.cookieHeader();

        Shopper.Response signedIn = signIn(guest, email, PASSWORD);

        assertThat(signedIn.status()).isEqualTo(200);
        JsonNode merged = signedIn.json().path("merged");
        assertThat(merged.path("capped").toString()).isEqualTo(("[{\"productId\":%d,\"name\":\"Merge Plenty\",\"requested\":110,"
                + "\"kept\":99},{\"productId\":%d,\"name\":\"Merge Scarce\",\"requested\":7,\"kept\":5}]")
                .formatted(plenty.id(), scarce.id()));
        assertThat(quantities(merged.path("cart"))).containsExactly(99, 5, 2);
        JsonNode cart = guest.get("/api/cart").json();
        assertThat(cart).isEqualTo(merged.path("cart"));
        assertThat(device.get("/api/cart").json()).isEqualTo(cart);
        assertThat(newShopper().get("/api/cart", "Cookie", guestCookie).json().path("items").size()).isZero();
    }

    @Test
    void aLineBeyondTheCartsLineLimitIsLeftOutAndSaidSo() {
        Product held = newProduct("Merge Held", 100, 10);
        Product first = newProduct("Merge First", 100, 10);
        Shopper guest = newShopper();
        setQuantity(guest, held, 1);
        Shopper device = newShopper();
        String email = newAccount(device);
        setQuantity(device, first, 1);
        // The account's cart is full: 99 more lines.
        Long[] others = IntStream.range(0, 99).mapToObj(i -> newProduct("Merge Filler " + i, 100, 10).id()).toArray(Long[]::new);
        jdbc.sql("""
                        insert into cart_item (cart_id, product_id, quantity)
                        select c.id, p.id, 1 from cart c, unnest(cast(:others as bigint[])) as p(id)
                         where c.owner_id = (select shopper_id from account where email = :email)
                        """)
                .param("others", others)
                .param("email", email)
                .update();

        JsonNode merged = signIn(guest, email, PASSWORD).json().path("merged");

        assertThat(merged.path("capped").get(0).path("productId").asLong()).isEqualTo(held.id());
        assertThat(merged.path("capped").get(0).path("kept").asInt()).isZero();
        assertThat(merged.path("cart").path("items").size()).isEqualTo(100);
    }

    @Test
    void theGuestsOrdersAndCheckoutsBecomeTheAccountsAndAPaymentTakesItsUnitsFromTheAccountsCart() {
        Product bought = newProduct("Merge Bought", 1000, 10);
        Product reserved = newProduct("Merge Reserved", 2000, 10);
        String email = newAccount(newShopper());
        Shopper guest = newShopper();
        setQuantity(guest, bought, 1);
        String paidId = checkout(guest).json().path("id").asString();
        completeOnHostedPage(guest, startPayment(guest, paidId), "paid");
        String orderId = awaitStatus(guest, paidId, "PAID").path("orderId").asString();
        setQuantity(guest, reserved, 2);
        String openId = checkout(guest).json().path("id").asString();
        String guestCookie = guest.cookieHeader();

        signIn(guest, email, PASSWORD);

        assertThat(guest.get("/api/orders").json().findValuesAsString("id")).contains(orderId);
        assertThat(guest.get("/api/orders/" + orderId).status()).isEqualTo(200);
        assertThat(guest.get("/api/checkouts/" + openId).json().path("status").asString()).isEqualTo("RESERVED");
        assertThat(newShopper().get("/api/checkouts/" + openId, "Cookie", guestCookie).status()).isEqualTo(404);
        assertThat(quantities(guest.get("/api/cart").json())).containsExactly(2);
        completeOnHostedPage(guest, startPayment(guest, openId), "paid");
        awaitStatus(guest, openId, "PAID");
        assertThat(guest.get("/api/cart").json().path("items").size()).isZero();
    }

    @Test
    void aGuestInSomeoneElsesSharedCartLeavesItAndOnlyTheirOwnCartMerges() {
        Product own = newProduct("Merge Own", 100, 10);
        Product shared = newProduct("Merge Shared", 100, 10);
        String email = newAccount(newShopper());
        Shopper owner = newShopper();
        String token = owner.post("/api/cart/share", "{}").json().path("token").asString();
        Shopper guest = newShopper();
        setQuantity(guest, own, 1);
        assertThat(guest.post("/api/cart/join", "{\"token\": \"" + token + "\"}").status()).isEqualTo(200);
        setQuantity(guest, shared, 2);

        JsonNode merged = signIn(guest, email, PASSWORD).json().path("merged");

        assertThat(products(merged.path("cart"))).containsExactly(own.id());
        assertThat(products(guest.get("/api/cart").json())).containsExactly(own.id());
        JsonNode ownersCart = owner.get("/api/cart").json();
        assertThat(products(ownersCart)).containsExactly(shared.id());
        assertThat(ownersCart.path("members").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/cart/members").json().path("members").size()).isZero();
    }

    /** The guest is the account now, which cannot manage the guest's old cart: its links end with the sign-in. */
    @Test
    void theLinksAGuestSharedTheirCartWithAreWithdrawnWhenTheySignIn() {
        String email = newAccount(newShopper());
        Shopper guest = newShopper();
        String token = guest.post("/api/cart/share", "{\"name\": \"Pia\"}").json().path("token").asString();
        assertThat(newShopper().get("/api/cart/invitations/" + token).status()).isEqualTo(200);

        assertThat(signIn(guest, email, PASSWORD).status()).isEqualTo(200);

        Shopper stranger = newShopper();
        assertThat(stranger.get("/api/cart/invitations/" + token).code()).isEqualTo("INVITATION_REVOKED");
        Shopper.Response join = stranger.post("/api/cart/join", "{\"token\": \"" + token + "\"}");
        assertThat(join.status()).isEqualTo(410);
        assertThat(join.code()).isEqualTo("INVITATION_REVOKED");
    }

    /**
     * A sign-in's merge races changes to both carts: the guest's through their old cookie, the
     * account's from another device. Every answer is a success, no line passes the maximum, the
     * totals add up, and each cart's version grew by exactly its applied changes (the merge's included).
     */
    @Test
    void aMergeRacingChangesToBothCartsKeepsEveryCartWithinItsLimitsAndEveryVersionCounted() {
        Product hot = newProduct("Merge Race Hot", 100, 1000);
        Product cold = newProduct("Merge Race Cold", 100, 1000);
        Shopper device = newShopper();
        String email = newAccount(device);
        setQuantity(device, hot, 90);
        Shopper guest = newShopper();
        setQuantity(guest, hot, 50);
        setQuantity(guest, cold, 5);
        String guestCookie = guest.cookieHeader();
        Shopper oldGuest = newShopper();
        long accountBefore = device.get("/api/cart").json().path("version").asLong();
        long guestBefore = guest.get("/api/cart").json().path("version").asLong();

        List<Callable<Shopper.Response>> tasks = new ArrayList<>();
        tasks.add(() -> signIn(guest, email, PASSWORD));
        for (int i = 0; i < 12; i++) {
            int quantity = 80 + i;
            int guestQuantity = 1 + i;
            tasks.add(() -> device.put("/api/cart/products/" + hot.id(), "{\"quantity\": %d}".formatted(quantity)));
            tasks.add(() -> oldGuest.put("/api/cart/products/" + cold.id(), "{\"quantity\": %d}".formatted(guestQuantity),
                    "Cookie", guestCookie));
        }
        List<Shopper.Response> answers = Race.all(tasks);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        JsonNode account = device.get("/api/cart").json();
        JsonNode left = oldGuest.get("/api/cart", "Cookie", guestCookie).json();
        for (JsonNode cart : List.of(account, left)) {
            assertThat(quantities(cart)).allSatisfy(quantity -> assertThat(quantity).isBetween(1, 99));
            assertThat(cart.path("totals").path("itemCount").asInt()).isEqualTo(quantities(cart).stream().mapToInt(q -> q).sum());
            assertThat(cart.path("totals").path("subtotal").asLong()).isEqualTo(
                    StreamSupport.stream(cart.path("items").spliterator(), false).mapToLong(line -> line.path("lineTotal").asLong()).sum());
        }
        assertThat(account.path("version").asLong()).isEqualTo(accountBefore + 12 + 1);
        // The guest's cart was emptied by the merge once; each change through the old cookie counts too.
        assertThat(left.path("version").asLong()).isEqualTo(guestBefore + 12 + 1);
        assertThat(guest.get("/api/account").status()).isEqualTo(200);
    }

    /**
     * Seven guests each hold 20 units of one product in a checkout and sign in to one account at
     * once: the account may hold 99 units (the line maximum), so four checkouts stay reserved and
     * three are cancelled, each named in its sign-in's answer, their stock given back.
     */
    @Test
    void guestsSigningInAtOnceNeverTakeTheAccountOverTheReservationCaps() {
        Product hoarded = newProduct("Merge Hoarded", 500, 200);
        String email = newAccount(newShopper());
        List<Shopper> guests = IntStream.range(0, 7).mapToObj(i -> newShopper()).toList();
        List<String> checkouts = guests.stream().map(guest -> {
            setQuantity(guest, hoarded, 20);
            return checkout(guest).json().path("id").asString();
        }).toList();

        List<Shopper.Response> answers = Race.run(guests.size(), i -> signIn(guests.get(i), email, PASSWORD));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        List<String> cancelled = answers.stream()
                .flatMap(answer -> answer.json().path("merged").path("cancelledCheckouts").valueStream())
                .map(JsonNode::asString).toList();
        Map<String, String> statuses = statuses(guests.getFirst(), checkouts);
        assertThat(cancelled).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(statuses.get(id)).isEqualTo("CANCELLED"));
        assertThat(statuses.values()).filteredOn("RESERVED"::equals).hasSize(4);
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", hoarded.id())
                .query(Integer.class).single()).isEqualTo(80);
        StockLedger.assertBalanced(jdbc);
    }

    /**
     * A checkout being paid is never cancelled, since money may be on its way: it is kept even
     * over a cap. The guest's reserved one beside it is cancelled: the account holds five already.
     */
    @Test
    void aGuestsCheckoutBeingPaidIsKeptOverTheCapsAndTheirReservedOneIsCancelled() {
        Product hoarded = newProduct("Merge Paying", 500, 200);
        String email = newAccount(newShopper());
        for (int i = 0; i < 4; i++) {
            Shopper earlier = newShopper();
            setQuantity(earlier, hoarded, 20);
            checkout(earlier);
            assertThat(signIn(earlier, email, PASSWORD).json().path("merged").path("cancelledCheckouts").size()).isZero();
        }
        Shopper guest = newShopper();
        setQuantity(guest, hoarded, 20);
        String paying = checkout(guest).json().path("id").asString();
        startPayment(guest, paying);
        String reserved = checkout(guest).json().path("id").asString();

        JsonNode merged = signIn(guest, email, PASSWORD).json().path("merged");

        assertThat(merged.path("cancelledCheckouts").valueStream().map(JsonNode::asString)).containsExactly(reserved);
        assertThat(statuses(guest, List.of(paying, reserved)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(paying, "PAYMENT_PENDING", reserved, "CANCELLED"));
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", hoarded.id())
                .query(Integer.class).single()).isEqualTo(100);
        StockLedger.assertBalanced(jdbc);
    }

    /**
     * The account checks out a shared cart (no cart in common with the sign-in, so only the
     * shopper's lock orders them) while a guest signs in with a checkout: the checkout has counted
     * what the account holds and waits at the product's held stock row when the sign-in starts.
     * The sign-in waits for it and then counts its units too: one of the two must not fit.
     */
    @Test
    void aSignInRacingTheAccountsOwnCheckoutCountsItsUnits() throws SQLException {
        Product hoarded = newProduct("Merge Racing", 500, 200);
        Shopper device = newShopper();
        String email = newAccount(device);
        for (int i = 0; i < 3; i++) {
            Shopper earlier = newShopper();
            setQuantity(earlier, hoarded, 20);
            checkout(earlier);
            signIn(earlier, email, PASSWORD);
        }
        Shopper owner = newShopper();
        setQuantity(owner, hoarded, 20);
        String token = owner.post("/api/cart/share", null).json().path("token").asString();
        assertThat(device.post("/api/cart/join", "{\"token\": \"" + token + "\"}").status()).isEqualTo(200);
        Shopper guest = newShopper();
        setQuantity(guest, hoarded, 20);
        String guests = checkout(guest).json().path("id").asString();

        Shopper.Response devices;
        Shopper.Response signedIn;
        // The threads are closed last, after the held row is let go, so a failure here cannot hang.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                Connection holder = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from stock where product_id = ? for update")) {
                lock.setLong(1, hoarded.id());
                lock.execute();
            }
            CompletableFuture<Shopper.Response> checkingOut = CompletableFuture.supplyAsync(() -> checkout(device), threads);
            LockWaits.awaitWaitingForLocks(watcher, 1);
            CompletableFuture<Shopper.Response> signingIn =
                    CompletableFuture.supplyAsync(() -> signIn(guest, email, PASSWORD), threads);
            LockWaits.awaitWaitingForLocks(watcher, 2);
            holder.commit();
            devices = checkingOut.join();
            signedIn = signingIn.join();
        }

        assertThat(devices.status()).as(devices.toString()).isEqualTo(201);
        assertThat(signedIn.json().path("merged").path("cancelledCheckouts").valueStream().map(JsonNode::asString))
                .containsExactly(guests);
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", hoarded.id())
                .query(Integer.class).single()).isEqualTo(80);
        StockLedger.assertBalanced(jdbc);
    }

    private static Map<String, String> statuses(Shopper signedIn, List<String> checkouts) {
        return checkouts.stream().collect(Collectors.toMap(id -> id,
                id -> signedIn.get("/api/checkouts/" + id).json().path("status").asString()));
    }

    private static void setQuantity(Shopper shopper, Product product, int quantity) {
        Shopper.Response set = shopper.put("/api/cart/products/" + product.id(), "{\"quantity\": %d}".formatted(quantity));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private static List<Integer> quantities(JsonNode cart) {
        return StreamSupport.stream(cart.path("items").spliterator(), false).map(line -> line.path("quantity").asInt()).toList();
    }

    private static List<Long> products(JsonNode cart) {
        return StreamSupport.stream(cart.path("items").spliterator(), false).map(line -> line.path("productId").asLong()).toList();
    }
}
