package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Members of one shared cart check out on their own: one's checkout never cancels another's. */
class SharedCartCheckoutTest extends ServiceTest {

    private int reserved(Product product) {
        return jdbc.sql("select reserved from stock where product_id = :id").param("id", product.id())
                .query(Integer.class).single();
    }

    private static String status(Shopper shopper, String checkoutId) {
        return shopper.get("/api/checkouts/" + checkoutId).json().path("status").asString();
    }

    private static Shopper joined(Shopper member, String token) {
        assertThat(member.post("/api/cart/join", "{\"token\": \"" + token + "\"}").status()).isEqualTo(200);
        return member;
    }

    private static String token(Shopper owner) {
        return owner.post("/api/cart/share", null).json().path("token").asString();
    }

    private static long line(Shopper shopper, Product product) {
        for (JsonNode line : shopper.get("/api/cart").json().path("items")) {
            if (line.path("productId").asLong() == product.id()) {
                return line.path("id").asLong();
            }
        }
        throw new AssertionError("No line of " + product.name());
    }

    private static void select(Shopper shopper, Product product, boolean selected) {
        assertThat(shopper.patch("/api/cart/items/" + line(shopper, product), "{\"selected\": " + selected + "}").status())
                .isEqualTo(200);
    }

    @Test
    void twoMembersCheckingOutTheSameLinesBothKeepTheirReservation() {
        Product mug = newProduct("Shared Checkout Mug", 1500, 10);
        Shopper owner = newShopper();
        add(owner, mug.id(), 2);
        Shopper friend = joined(newShopper(), token(owner));

        Shopper.Response owners = checkout(owner);
        Shopper.Response friends = checkout(friend);

        assertThat(owners.status()).isEqualTo(201);
        assertThat(friends.status()).isEqualTo(201);
        assertThat(status(owner, owners.json().path("id").asString())).isEqualTo("RESERVED");
        assertThat(status(friend, friends.json().path("id").asString())).isEqualTo("RESERVED");
        assertThat(reserved(mug)).isEqualTo(4);
    }

    @Test
    void twoMembersCheckingOutDifferentLinesBothKeepTheirsAndOnlyOnesOwnIsReplaced() {
        Product mug = newProduct("Split Checkout Mug", 1500, 10);
        Product plate = newProduct("Split Checkout Plate", 900, 10);
        Shopper owner = newShopper();
        add(owner, mug.id(), 2);
        Shopper friend = joined(newShopper(), token(owner));
        add(friend, plate.id(), 3);
        select(owner, plate, false);
        String owners = checkout(owner).json().path("id").asString();
        select(friend, plate, true);
        select(friend, mug, false);
        String friends = checkout(friend).json().path("id").asString();

        assertThat(status(owner, owners)).isEqualTo("RESERVED");
        assertThat(status(friend, friends)).isEqualTo("RESERVED");
        assertThat(reserved(mug)).isEqualTo(2);
        assertThat(reserved(plate)).isEqualTo(3);

        Shopper.Response again = checkout(friend);

        assertThat(again.status()).isEqualTo(201);
        assertThat(status(friend, friends)).as("the friend's own earlier checkout").isEqualTo("CANCELLED");
        assertThat(status(owner, owners)).as("the owner's checkout").isEqualTo("RESERVED");
        assertThat(reserved(mug)).isEqualTo(2);
        assertThat(reserved(plate)).isEqualTo(3);
    }

    @Test
    void membersCheckingOutAtOnceAllKeepTheirReservations() {
        Product vase = newProduct("Crowded Checkout Vase", 2000, 100);
        Shopper owner = newShopper();
        add(owner, vase.id(), 1);
        String token = token(owner);
        List<Shopper> members = IntStream.range(0, 8).mapToObj(i -> joined(newShopper(), token)).toList();

        List<Shopper.Response> created = Race.run(members.size(), i -> checkout(members.get(i)));

        assertThat(created).extracting(Shopper.Response::status).containsOnly(201);
        for (int i = 0; i < members.size(); i++) {
            assertThat(status(members.get(i), created.get(i).json().path("id").asString())).isEqualTo("RESERVED");
        }
        assertThat(reserved(vase)).isEqualTo(members.size());
    }

    /**
     * A real shop does not take back what a removed member has already reserved: the checkout
     * holds its stock until they pay, cancel or it expires, and they can still pay for it.
     */
    @Test
    void aRemovedMembersCheckoutStaysTheirsAndCanBePaid() {
        Product lamp = newProduct("Removed Member Lamp", 4000, 5);
        Shopper owner = newShopper();
        add(owner, lamp.id(), 1);
        Shopper friend = joined(newShopper(), token(owner));
        String friends = checkout(friend).json().path("id").asString();
        String memberId = owner.get("/api/cart/members").json().path("members").get(0).path("id").asString();

        assertThat(owner.delete("/api/cart/members/" + memberId).status()).isEqualTo(204);

        assertThat(status(friend, friends)).isEqualTo("RESERVED");
        assertThat(reserved(lamp)).isEqualTo(1);
        assertThat(startPayment(friend, friends)).isNotBlank();
        assertThat(status(friend, friends)).isEqualTo("PAYMENT_PENDING");
    }
}
