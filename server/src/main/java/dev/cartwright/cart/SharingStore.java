package dev.cartwright.cart;

import dev.cartwright.shopper.ShopperId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cart_share (invitations) and cart_member tables. */
@Repository
class SharingStore {

    /** An invitation as stored: the cart it opens, until when, and whether it was withdrawn. */
    record InvitationRow(UUID cartId, @Nullable String ownerName, Instant expiresAt, @Nullable Instant revokedAt) {}

    private final JdbcClient jdbc;

    SharingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean owns(ShopperId shopper, UUID cartId) {
        return jdbc.sql("select exists (select 1 from cart where id = :cart and owner_id = :shopper)")
                .param("cart", cartId)
                .param("shopper", shopper.value())
                .query(Boolean.class)
                .single();
    }

    void invite(UUID cartId, byte[] tokenHash, @Nullable String ownerName, Instant expiresAt) {
        jdbc.sql("""
                        insert into cart_share (token_hash, cart_id, owner_name, expires_at)
                        values (:hash, :cart, :name, :expiresAt)
                        """)
                .param("hash", tokenHash)
                .param("cart", cartId)
                .param("name", ownerName)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    Optional<InvitationRow> invitation(byte[] tokenHash) {
        return jdbc.sql("select cart_id, owner_name, expires_at, revoked_at from cart_share where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, row) -> new InvitationRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    int openInvitations(UUID cartId) {
        return jdbc.sql("select count(*) from cart_share where cart_id = :cart and revoked_at is null and expires_at > now()")
                .param("cart", cartId)
                .query(Integer.class)
                .single();
    }

    /** Withdraws every invitation to the cart still open; answers how many. */
    int revokeAll(UUID cartId) {
        return jdbc.sql("update cart_share set revoked_at = now() where cart_id = :cart and revoked_at is null and expires_at > now()")
                .param("cart", cartId)
                .update();
    }

    /**
     * Joining another cart replaces a cart joined before, under a new membership id; joining the
     * same cart again changes nothing. One's own cart is never joined, only used.
     */
    void join(ShopperId shopper, UUID cartId, @Nullable String name) {
        jdbc.sql("""
                        insert into cart_member (shopper_id, cart_id, name)
                        select :shopper, :cart, :name where not exists (select 1 from cart where id = :cart and owner_id = :shopper)
                        on conflict (shopper_id) do update
                           set cart_id = excluded.cart_id, id = excluded.id, name = excluded.name, joined_at = now()
                         where cart_member.cart_id <> excluded.cart_id
                        """)
                .param("shopper", shopper.value())
                .param("cart", cartId)
                .param("name", name)
                .update();
    }

    /** Answers the cart left, if the shopper had joined one. */
    Optional<UUID> leave(ShopperId shopper) {
        return jdbc.sql("delete from cart_member where shopper_id = :shopper returning cart_id")
                .param("shopper", shopper.value())
                .query(UUID.class)
                .optional();
    }

    /**
     * Ends a membership of the cart and keeps its shopper from joining it again by any link;
     * answers whose it was, so that their screens can follow them.
     */
    Optional<UUID> remove(UUID cartId, UUID memberId) {
        return jdbc.sql("""
                        with removed as (delete from cart_member where cart_id = :cart and id = :id returning shopper_id),
                             kept_out as (insert into cart_removed_member (cart_id, shopper_id)
                                          select :cart, shopper_id from removed on conflict do nothing)
                        select shopper_id from removed
                        """)
                .param("cart", cartId)
                .param("id", memberId)
                .query(UUID.class)
                .optional();
    }

    boolean removedFrom(UUID cartId, ShopperId shopper) {
        return jdbc.sql("select exists (select 1 from cart_removed_member where cart_id = :cart and shopper_id = :shopper)")
                .param("cart", cartId)
                .param("shopper", shopper.value())
                .query(Boolean.class)
                .single();
    }

    List<Sharing.Member> members(UUID cartId) {
        return jdbc.sql("select id, name, joined_at from cart_member where cart_id = :cart order by joined_at, id")
                .param("cart", cartId)
                .query((rs, row) -> new Sharing.Member(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The cart a shopper owns, if they have one yet. */
    Optional<UUID> ownCart(UUID shopperId) {
        return jdbc.sql("select id from cart where owner_id = :shopper")
                .param("shopper", shopperId)
                .query(UUID.class)
                .optional();
    }
}
