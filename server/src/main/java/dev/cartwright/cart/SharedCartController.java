package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.ShopperId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shared carts: invitation links, joining and leaving, and the owner's say over who shares.
 * Answers that hold an invitation's token say {@code Cache-Control: no-store}, which also keeps
 * them out of the idempotency table: a retry makes a new link rather than replaying the old one.
 */
@RestController
@RequestMapping("/api/cart")
class SharedCartController {

    /** A first name is optional and free-form, bounded, without control characters. */
    private static final String FIRST_NAME = "[^\\p{Cntrl}]*";

    record Share(@Nullable @Size(max = 40) @Pattern(regexp = FIRST_NAME) String name) {}

    record Invitation(String token, String url, Instant expiresAt) {}

    record Join(@NotNull @Size(min = 1, max = 100) String token, @Nullable @Size(max = 40) @Pattern(regexp = FIRST_NAME) String name) {}

    private final SharedCarts shared;

    SharedCartController(SharedCarts shared) {
        this.shared = shared;
    }

    /**
     * An invitation link to the caller's own cart, open for CARTWRIGHT_INVITATION_TTL; the
     * optional first name is shown on the join page ("Join Ada's cart?").
     */
    @PostMapping("/share")
    ResponseEntity<Invitation> share(ShopperId shopper, @Valid @RequestBody(required = false) @Nullable Share body) {
        Sharing.Shared invitation = granted(shared.share(shopper, firstName(body == null ? null : body.name())), Sharing.Shared.class);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Invitation(invitation.token(), "/join/" + invitation.token(), invitation.expiresAt()));
    }

    /** Withdraws every open invitation link to the caller's cart; those who joined stay until removed. */
    @DeleteMapping("/share")
    ResponseEntity<Void> revoke(ShopperId shopper) {
        granted(shared.revoke(shopper), Sharing.Done.class);
        return ResponseEntity.noContent().build();
    }

    /** What an invitation opens, before deciding to join: the sharer's first name, how many use the cart, its units. */
    @GetMapping("/invitations/{token}")
    ResponseEntity<Sharing.Preview> invitation(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(granted(shared.preview(token), Sharing.Preview.class));
    }

    @PostMapping("/join")
    ResponseEntity<CartView> join(ShopperId shopper, @Valid @RequestBody Join body) {
        CartView cart = granted(shared.join(shopper, body.token(), firstName(body.name())), Sharing.Joined.class).cart();
        return ResponseEntity.ok().eTag(CartVersions.etag(cart.version())).body(cart);
    }

    @PostMapping("/leave")
    ResponseEntity<CartView> leave(ShopperId shopper) {
        CartView cart = shared.leave(shopper);
        return ResponseEntity.ok().eTag(CartVersions.etag(cart.version())).body(cart);
    }

    /** Who shares the caller's cart, and whether the caller owns it (and so may remove them). */
    @GetMapping("/members")
    Sharing.Members members(ShopperId shopper) {
        return granted(shared.members(shopper), Sharing.Members.class);
    }

    /** The owner removes a member, who is back on their own cart at once. */
    @DeleteMapping("/members/{id}")
    ResponseEntity<Void> remove(ShopperId shopper, @PathVariable UUID id) {
        granted(shared.remove(shopper, id), Sharing.Done.class);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String firstName(@Nullable String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static <T extends Sharing> T granted(Sharing outcome, Class<T> expected) {
        if (expected.isInstance(outcome)) {
            return expected.cast(outcome);
        }
        throw Problems.failure(SharingProblems.of((Sharing.Refusal) outcome));
    }
}
