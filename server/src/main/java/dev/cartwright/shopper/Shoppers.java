package dev.cartwright.shopper;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Shoppers {

    private final JdbcClient jdbc;

    Shoppers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ShopperId> byToken(ShopperToken token) {
        return jdbc.sql("select id from shopper where token_hash = :hash")
                .param("hash", token.hash())
                .query((rs, row) -> new ShopperId(rs.getObject(1, UUID.class)))
                .optional();
    }

    ShopperId register(ShopperToken token) {
        ShopperId id = new ShopperId(UUID.randomUUID());
        jdbc.sql("insert into shopper (id, token_hash) values (:id, :hash)")
                .param("id", id.value())
                .param("hash", token.hash())
                .update();
        return id;
    }
}
