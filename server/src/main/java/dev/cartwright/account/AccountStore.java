package dev.cartwright.account;

import dev.cartwright.shopper.ShopperId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table. Emails are stored lower-cased; callers pass them so. */
@Repository
class AccountStore {

    /** An account with its password's hash, for checking a sign-in. */
    record AccountRow(ShopperId shopper, String email, String name, String passwordHash) {

        AccountView view() {
            return new AccountView(email, name);
        }
    }

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountRow> byEmail(String email) {
        return jdbc.sql("select shopper_id, email, name, password_hash from account where email = :email")
                .param("email", email)
                .query((rs, row) -> new AccountRow(new ShopperId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<AccountView> byShopper(ShopperId shopper) {
        return jdbc.sql("select email, name from account where shopper_id = :shopper")
                .param("shopper", shopper.value())
                .query((rs, row) -> new AccountView(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** False when the email already has an account (one made at the same moment, say): nothing is written then. */
    boolean create(AccountRow account) {
        return jdbc.sql("""
                        insert into account (shopper_id, email, name, password_hash)
                        values (:shopper, :email, :name, :hash)
                        on conflict (email) do nothing
                        """)
                .param("shopper", account.shopper().value())
                .param("email", account.email())
                .param("name", account.name())
                .param("hash", account.passwordHash())
                .update() > 0;
    }
}
