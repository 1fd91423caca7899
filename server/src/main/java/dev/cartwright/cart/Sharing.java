package dev.cartwright.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What became of a call about sharing a cart: what it answers, or why it was refused. */
sealed interface Sharing {

    /** A new invitation; {@code token} is its secret, shown once and stored only as a hash. */
    record Shared(String token, Instant expiresAt) implements Sharing {}

    record Joined(CartView cart) implements Sharing {}

    /** What the join page shows before the shopper decides; nothing has changed. */
    record Preview(@Nullable String ownerName, int members, int itemCount, Instant expiresAt) implements Sharing {}

    /** Who uses the caller's cart, and whether the caller is the one who owns it. */
    record Members(Role role, int openInvitations, List<Member> members) implements Sharing {}

    /** Invitations withdrawn, or a member removed: nothing to show but that it happened. */
    record Done() implements Sharing {}

    enum Role { OWNER, MEMBER }

    /** {@code id} names the membership, never the shopper: it is not their identity, nor their cookie. */
    record Member(UUID id, @Nullable String name, Instant joinedAt) {}

    sealed interface Refusal extends Sharing {}

    /** Sharing, withdrawing and removing are the owner's; a member of the cart may not. */
    record NotOwner() implements Refusal {}

    /** No such member of the caller's cart, whether the id never existed or names a member of another cart. */
    record MemberNotFound() implements Refusal {}

    record InvitationNotFound() implements Refusal {}

    record InvitationExpired(Instant expiredAt) implements Refusal {}

    record InvitationRevoked() implements Refusal {}

    /** The owner removed this shopper from the cart; no link brings them back. */
    record RemovedFromCart() implements Refusal {}
}
