package dev.cartwright.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts' emails and the shoppers they are, for operators looking up a shopper's orders. */
@Repository
class AccountEmails {

    private final JdbcClient jdbc;

    AccountEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shopper of the account with this email, however it is typed. */
    Optional<UUID> shopperOf(String email) {
        return jdbc.sql("select shopper_id from account where email = :email")
                .param("email", Accounts.normalized(email))
                .query(UUID.class)
                .optional();
    }

    /** The emails of those of these shoppers who have an account; guests are absent. */
    Map<UUID, String> of(Collection<UUID> shopperIds) {
        Map<UUID, String> emails = new HashMap<>();
        if (shopperIds.isEmpty()) {
            return emails;
        }
        jdbc.sql("select shopper_id, email from account where shopper_id = any(:ids)")
                .param("ids", shopperIds.toArray(UUID[]::new))
                .query(rs -> {
                    emails.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return emails;
    }
}
