package dev.cartwright.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SharedCartTest extends ServiceTest {

    private static Shopper.Response add(Shopper shopper, Product product, int quantity) {
        return shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": %d}".formatted(product.id(), quantity));
    }

    private static String invite(Shopper owner) {
        Shopper.Response invitation = owner.post("/api/cart/share", null);
        assertThat(invitation.status()).isEqualTo(200);
        String token = invitation.json().path("token").asString();
        assertThat(invitation.json().path("url").asString()).isEqualTo("/join/" + token);
        return token;
    }

    @Test
    void aJoinedShopperChangesTheSameCartAndGetsTheirOwnBackWhenLeaving() {
        Product mug = newProduct("Shared Mug", 1500, 20);
        Product plate = newProduct("Own Plate", 900, 20);
        Shopper owner = newShopper();
        add(owner, mug, 1);
        Shopper friend = newShopper();
        add(friend, plate, 3);
        String ownersCart = owner.get("/api/cart").json().path("id").asString();

        Shopper.Response joined = friend.post("/api/cart/join", "{\"token\": \"" + invite(owner) + "\"}");

        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().path("id").asString()).isEqualTo(ownersCart);
        assertThat(joined.json().path("members").asInt()).isEqualTo(2);
        add(friend, mug, 2);
        JsonNode seenByOwner = owner.get("/api/cart").json();
        assertThat(seenByOwner.path("items")).hasSize(1);
        assertThat(seenByOwner.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(seenByOwner.path("members").asInt()).isEqualTo(2);

        JsonNode ownAgain = friend.post("/api/cart/leave", null).json();

        assertThat(ownAgain.path("id").asString()).isNotEqualTo(ownersCart);
        assertThat(ownAgain.path("items").get(0).path("productId").asLong()).isEqualTo(plate.id());
        assertThat(ownAgain.path("members").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/cart").json().path("members").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void aStrangerWithoutTheTokenGetsNothing() {
        Shopper owner = newShopper();
        add(owner, newProduct("Private Bowl", 1200, 5), 1);
        invite(owner);
        Shopper stranger = newShopper();

        Shopper.Response refused = stranger.post("/api/cart/join", "{\"token\": \"not-the-token\"}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("INVITATION_NOT_FOUND");
        assertThat(stranger.get("/api/cart").json().path("items")).isEmpty();
        assertThat(stranger.post("/api/cart/join", "{}").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void joiningOnesOwnCartChangesNothing() {
        Shopper owner = newShopper();
        String cart = owner.get("/api/cart").json().path("id").asString();

        JsonNode joined = owner.post("/api/cart/join", "{\"token\": \"" + invite(owner) + "\"}").json();

        assertThat(joined.path("id").asString()).isEqualTo(cart);
        assertThat(joined.path("members").asInt()).isEqualTo(1);
    }
}
