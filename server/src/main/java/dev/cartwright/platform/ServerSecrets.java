package dev.cartwright.platform;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets made once per database, so that every service node signs and checks with
 * the same key without anyone having to configure it.
 */
@Component
public class ServerSecrets {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    ServerSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // The first node to get here wins; every other node reads what it wrote.
        jdbc.sql("insert into server_secret (name, value) values (:name, :value) on conflict (name) do nothing")
                .param("name", name)
                .param("value", fresh)
                .update();
        return jdbc.sql("select value from server_secret where name = :name")
                .param("name", name)
                .query(byte[].class)
                .single();
    }
}
