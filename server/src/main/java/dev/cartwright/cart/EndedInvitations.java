package dev.cartwright.cart;

import dev.cartwright.platform.RetentionTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invitations that expired or were withdrawn are kept as long again as an invitation lasts, so
 * that their link still says why it no longer works, and then deleted.
 */
@Component
class EndedInvitations implements RetentionTask {

    private final JdbcClient jdbc;
    private final CartLimits limits;

    EndedInvitations(JdbcClient jdbc, CartLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    @Override
    public String rows() {
        return "ended invitations";
    }

    @Override
    public int forget(int limit) {
        return jdbc.sql("""
                        delete from cart_share
                         where token_hash = any(array(
                                   select token_hash from cart_share
                                    where least(expires_at, coalesce(revoked_at, expires_at)) < now() - make_interval(secs => :kept)
                                    limit :limit))
                        """)
                .param("kept", limits.invitationTtl().toSeconds())
                .param("limit", limit)
                .update();
    }
}
