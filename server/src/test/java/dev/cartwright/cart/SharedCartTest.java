package dev.cartwright.cart;

import static dev.cartwright.cart.CartCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SharedCartTest extends ServiceTest {

    private static Shopper.Response add(Shopper shopper, Product product, int quantity) {
        return shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": %d}".formatted(product.id(), quantity));
    }

    private static String invite(Shopper owner) {
        return invite(owner, null);
    }

    private static String invite(Shopper owner, String body) {
        Shopper.Response invitation = owner.post("/api/cart/share", body);
        assertThat(invitation.status()).isEqualTo(200);
        String token = invitation.json().path("token").asString();
        assertThat(invitation.json().path("url").asString()).isEqualTo("/join/" + token);
        assertThat(invitation.header("Cache-Control")).contains("no-store");
        return token;
    }

    private static Shopper.Response join(Shopper shopper, String token) {
        return shopper.post("/api/cart/join", "{\"token\": \"" + token + "\"}");
    }

    private static String cartId(Shopper shopper) {
        return shopper.get("/api/cart").json().path("id").asString();
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

    @Test
    void anInvitationIsOpenForSevenDaysByDefault() {
        Shopper owner = newShopper();

        Shopper.Response invitation = owner.post("/api/cart/share", null);

        Instant expiresAt = Instant.parse(invitation.json().path("expiresAt").asString());
        assertThat(expiresAt).isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void anExpiredInvitationIsGoneAndJoinsNobody() {
        Shopper owner = newShopper();
        add(owner, newProduct("Expired Jug", 1100, 5), 1);
        String token = invite(owner);
        jdbc.sql("update cart_share set expires_at = now() - interval '1 second' where cart_id = :cart::uuid")
                .param("cart", cartId(owner)).update();
        Shopper friend = newShopper();

        problem(join(friend, token), 410, "INVITATION_EXPIRED");

        problem(friend.get("/api/cart/invitations/" + token), 410, "INVITATION_EXPIRED");
        assertThat(cartId(friend)).isNotEqualTo(cartId(owner));
        assertThat(owner.get("/api/cart").json().path("members").asInt()).isEqualTo(1);
    }

    @Test
    void theOwnerWithdrawsTheLinksAndThoseWhoJoinedStay() {
        Shopper owner = newShopper();
        String first = invite(owner);
        String second = invite(owner);
        Shopper early = newShopper();
        join(early, first);
        assertThat(owner.get("/api/cart/members").json().path("openInvitations").asInt()).isEqualTo(2);

        assertThat(owner.delete("/api/cart/share").status()).isEqualTo(204);

        Shopper late = newShopper();
        problem(join(late, second), 410, "INVITATION_REVOKED");
        problem(join(late, first), 410, "INVITATION_REVOKED");
        problem(late.get("/api/cart/invitations/" + second), 410, "INVITATION_REVOKED");
        assertThat(cartId(late)).isNotEqualTo(cartId(owner));
        assertThat(cartId(early)).isEqualTo(cartId(owner));
        JsonNode members = owner.get("/api/cart/members").json();
        assertThat(members.path("openInvitations").asInt()).isZero();
        assertThat(members.path("members")).hasSize(1);
        assertThat(join(late, invite(owner)).status()).as("a new link works").isEqualTo(200);
    }

    @Test
    void theOwnerRemovesAMemberWhoIsBackOnTheirOwnCart() {
        Product plate = newProduct("Members Plate", 900, 20);
        Shopper owner = newShopper();
        Shopper friend = newShopper();
        add(friend, plate, 2);
        String friendsOwnCart = cartId(friend);
        friend.post("/api/cart/join", "{\"token\": \"" + invite(owner) + "\", \"name\": \"Grace\"}");
        Shopper other = newShopper();
        join(other, invite(owner));

        JsonNode listed = owner.get("/api/cart/members").json();

        assertThat(listed.path("role").asString()).isEqualTo("OWNER");
        assertThat(listed.path("members")).hasSize(2);
        JsonNode grace = listed.path("members").get(0);
        assertThat(grace.path("name").asString()).isEqualTo("Grace");
        String memberId = grace.path("id").asString();
        UUID friendsShopperId = jdbc.sql("select shopper_id from cart_member where id = :id::uuid").param("id", memberId)
                .query(UUID.class).single();
        assertThat(memberId).as("not the shopper's id").isNotEqualTo(friendsShopperId.toString());
        assertThat(friend.cookieHeader()).as("not the shopper's cookie").doesNotContain(memberId);
        assertThat(friend.get("/api/cart/members").json().path("role").asString()).isEqualTo("MEMBER");

        assertThat(owner.delete("/api/cart/members/" + memberId).status()).isEqualTo(204);

        JsonNode own = friend.get("/api/cart").json();
        assertThat(own.path("id").asString()).isEqualTo(friendsOwnCart);
        assertThat(own.path("items").get(0).path("productId").asLong()).isEqualTo(plate.id());
        assertThat(owner.get("/api/cart").json().path("members").asInt()).isEqualTo(2);
        assertThat(cartId(other)).isEqualTo(cartId(owner));
        problem(owner.delete("/api/cart/members/" + memberId), 404, "MEMBER_NOT_FOUND");
        problem(owner.delete("/api/cart/members/" + UUID.randomUUID()), 404, "MEMBER_NOT_FOUND");
    }

    @Test
    void aRemovedMemberCannotJoinAgainByAnyLink() {
        Shopper owner = newShopper();
        Shopper friend = newShopper();
        String link = invite(owner);
        join(friend, link);
        String memberId = owner.get("/api/cart/members").json().path("members").get(0).path("id").asString();
        assertThat(owner.delete("/api/cart/members/" + memberId).status()).isEqualTo(204);

        problem(friend.post("/api/cart/join", "{\"token\": \"" + link + "\"}"), 403, "REMOVED_FROM_CART");
        problem(friend.post("/api/cart/join", "{\"token\": \"" + invite(owner) + "\"}"), 403, "REMOVED_FROM_CART");

        assertThat(owner.get("/api/cart").json().path("members").asInt()).isEqualTo(1);
        assertThat(cartId(friend)).isNotEqualTo(cartId(owner));
    }

    @Test
    void onlyTheOwnerSharesWithdrawsAndRemoves() {
        Shopper owner = newShopper();
        String token = invite(owner);
        Shopper member = newShopper();
        join(member, token);
        Shopper other = newShopper();
        join(other, token);
        String otherId = owner.get("/api/cart/members").json().path("members").get(1).path("id").asString();

        for (Shopper.Response refused : List.of(member.post("/api/cart/share", null), member.delete("/api/cart/share"),
                member.delete("/api/cart/members/" + otherId))) {
            problem(refused, 403, "NOT_CART_OWNER");
        }

        assertThat(owner.get("/api/cart/members").json().path("openInvitations").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/cart").json().path("members").asInt()).isEqualTo(3);
        // Someone else's cart is not the owner's to manage either: removing its member finds nobody in one's own.
        Shopper stranger = newShopper();
        problem(stranger.delete("/api/cart/members/" + otherId), 404, "MEMBER_NOT_FOUND");
        assertThat(cartId(other)).isEqualTo(cartId(owner));
    }

    @Test
    void thePreviewSaysWhoseCartItIsAndJoinsNothing() {
        Shopper owner = newShopper();
        add(owner, newProduct("Preview Cup", 700, 10), 3);
        String named = invite(owner, "{\"name\": \"  Ada \"}");
        String anonymous = invite(owner, "{\"name\": \"   \"}");
        Shopper friend = newShopper();

        Shopper.Response preview = friend.get("/api/cart/invitations/" + named);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Cache-Control")).contains("no-store");
        assertThat(preview.json().path("ownerName").asString()).isEqualTo("Ada");
        assertThat(preview.json().path("members").asInt()).isEqualTo(1);
        assertThat(preview.json().path("itemCount").asInt()).isEqualTo(3);
        assertThat(friend.get("/api/cart/invitations/" + anonymous).json().path("ownerName").isNull()).isTrue();
        assertThat(cartId(friend)).isNotEqualTo(cartId(owner));
        problem(friend.get("/api/cart/invitations/not-a-token"), 404, "INVITATION_NOT_FOUND");
        problem(owner.post("/api/cart/share", "{\"name\": \"" + "x".repeat(41) + "\"}"), 400, "VALIDATION_FAILED");
        problem(owner.post("/api/cart/share", "{\"name\": \"Ada\\u0000\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theShareAnswerHoldsATokenSoNoIdempotencyRowKeepsItAndARetryMakesANewLink() {
        Shopper owner = newShopper();
        String key = UUID.randomUUID().toString();

        Shopper.Response first = owner.post("/api/cart/share", null, "Idempotency-Key", key);
        Shopper.Response retry = owner.post("/api/cart/share", null, "Idempotency-Key", key);

        String firstToken = first.json().path("token").asString();
        String retryToken = retry.json().path("token").asString();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
        assertThat(retryToken).isNotEqualTo(firstToken);
        assertThat(newShopper().get("/api/cart/invitations/" + firstToken).status()).isEqualTo(200);
        assertThat(newShopper().get("/api/cart/invitations/" + retryToken).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key)
                .query(Long.class).single()).isZero();
        for (String token : List.of(firstToken, retryToken)) {
            assertThat(jdbc.sql("select count(*) from idempotency_key where position(convert_to(:token, 'UTF8') in body) > 0")
                    .param("token", token).query(Long.class).single()).as("rows holding the token").isZero();
        }
    }
}
