package dev.cartwright.cart;

import dev.cartwright.shopper.ShopperId;
import dev.cartwright.shopper.Shoppers;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared carts: the owner invites with a link that expires and can be withdrawn, and removes
 * members; whoever has an open link may join, and every member may leave. Each call locks the
 * cart first, as every cart change does (cart, then its invitations and members).
 */
@Service
class SharedCarts {

    private final CartStore store;
    private final SharingStore sharing;
    private final Carts carts;
    private final CartLimits limits;
    private final ApplicationEventPublisher events;
    private final Shoppers shoppers;

    SharedCarts(CartStore store, SharingStore sharing, Carts carts, CartLimits limits, ApplicationEventPublisher events,
            Shoppers shoppers) {
        this.shoppers = shoppers;
        this.store = store;
        this.sharing = sharing;
        this.carts = carts;
        this.limits = limits;
        this.events = events;
    }

    /** A new invitation to the caller's own cart, signed with the first name they chose to give, if any. */
    @Transactional
    Sharing share(ShopperId shopper, @Nullable String ownerName) {
        UUID cartId = carts.lockedCart(shopper).id();
        if (!sharing.owns(shopper, cartId)) {
            return new Sharing.NotOwner();
        }
        ShareToken token = ShareToken.random();
        Instant expiresAt = Instant.now().plus(limits.invitationTtl());
        sharing.invite(cartId, token.hash(), ownerName, expiresAt);
        return new Sharing.Shared(token.value(), expiresAt);
    }

    /** Withdraws every open invitation to the caller's cart; those who joined stay. */
    @Transactional
    Sharing revoke(ShopperId shopper) {
        Optional<UUID> cart = store.lock(shopper).map(CartStore.CartRow::id);
        if (cart.isEmpty()) {
            return new Sharing.Done();
        }
        UUID cartId = cart.get();
        if (!sharing.owns(shopper, cartId)) {
            return new Sharing.NotOwner();
        }
        sharing.revokeAll(cartId);
        return new Sharing.Done();
    }

    /** What an invitation opens, without joining: for the page that asks before joining. */
    @Transactional(readOnly = true)
    Sharing preview(String token) {
        Optional<SharingStore.InvitationRow> invitation = sharing.invitation(new ShareToken(token).hash());
        Sharing.Refusal closed = closed(invitation);
        if (closed != null) {
            return closed;
        }
        CartView cart = carts.view(invitation.get().cartId()).orElseThrow();
        return new Sharing.Preview(invitation.get().ownerName(), cart.members(), cart.totals().itemCount(),
                invitation.get().expiresAt());
    }

    @Transactional
    Sharing join(ShopperId shopper, String token, @Nullable String name) {
        byte[] hash = new ShareToken(token).hash();
        Optional<SharingStore.InvitationRow> found = sharing.invitation(hash);
        if (found.isEmpty()) {
            return new Sharing.InvitationNotFound();
        }
        UUID cartId = found.get().cartId();
        // Read again under the cart's lock: a withdrawal that committed meanwhile is seen.
        store.lock(cartId);
        Sharing.Refusal closed = closed(sharing.invitation(hash));
        if (closed != null) {
            return closed;
        }
        if (sharing.removedFrom(cartId, shopper)) {
            return new Sharing.RemovedFromCart();
        }
        shoppers.enroll(shopper);
        sharing.join(shopper, cartId, name);
        events.publishEvent(new CartChanged(cartId));
        events.publishEvent(new CartSwitched(shopper.value()));
        return new Sharing.Joined(carts.view(shopper));
    }

    /** Leaves a joined cart; the shopper's own cart, kept aside, is theirs again. */
    @Transactional
    CartView leave(ShopperId shopper) {
        sharing.leave(shopper).ifPresent(cartId -> {
            events.publishEvent(new CartChanged(cartId));
            events.publishEvent(new CartSwitched(shopper.value()));
        });
        return carts.view(shopper);
    }

    /** Who uses the caller's cart. Anyone who uses it may look; only its owner may change who. */
    @Transactional
    Sharing members(ShopperId shopper) {
        Optional<UUID> cart = store.cartOf(shopper).map(CartStore.CartRow::id);
        if (cart.isEmpty()) {
            return new Sharing.Members(Sharing.Role.OWNER, 0, List.of());
        }
        UUID cartId = cart.get();
        return new Sharing.Members(sharing.owns(shopper, cartId) ? Sharing.Role.OWNER : Sharing.Role.MEMBER,
                sharing.openInvitations(cartId), sharing.members(cartId));
    }

    /**
     * The owner removes a member, who is back on their own cart at once. A checkout the member
     * already made stays theirs: its reservation holds until they pay, cancel or it expires.
     */
    @Transactional
    Sharing remove(ShopperId shopper, UUID memberId) {
        Optional<UUID> cart = store.lock(shopper).map(CartStore.CartRow::id);
        if (cart.isEmpty()) {
            return new Sharing.MemberNotFound();
        }
        UUID cartId = cart.get();
        if (!sharing.owns(shopper, cartId)) {
            return new Sharing.NotOwner();
        }
        Optional<UUID> removed = sharing.remove(cartId, memberId);
        if (removed.isEmpty()) {
            return new Sharing.MemberNotFound();
        }
        UUID member = removed.get();
        events.publishEvent(new CartChanged(cartId));
        sharing.ownCart(member).ifPresent(own -> events.publishEvent(new CartChanged(own)));
        events.publishEvent(new CartSwitched(member));
        return new Sharing.Done();
    }

    /** Why the invitation cannot be used, or null when it is open. */
    private static Sharing.@Nullable Refusal closed(Optional<SharingStore.InvitationRow> invitation) {
        if (invitation.isEmpty()) {
            return new Sharing.InvitationNotFound();
        }
        if (invitation.get().revokedAt() != null) {
            return new Sharing.InvitationRevoked();
        }
        if (!invitation.get().expiresAt().isAfter(Instant.now())) {
            return new Sharing.InvitationExpired(invitation.get().expiresAt());
        }
        return null;
    }
}
