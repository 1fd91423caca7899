package dev.cartwright.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of used Idempotency-Keys. Each key belongs to a scope (the shopper), so one
 * shopper's key never answers another's request.
 */
@Repository
class IdempotencyKeys implements RetentionTask {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Duration retention;

    IdempotencyKeys(JdbcClient jdbc, JsonMapper json, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.retention = settings.retention();
    }

    /**
     * Claims the key for the current transaction. False while another request with this key
     * runs; its lock ends with its transaction, after which its stored response is visible.
     */
    boolean tryLock(String scope, String key) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:scope || '/' || :key, 0))")
                .param("scope", scope)
                .param("key", key)
                .query(Boolean.class)
                .single();
    }

    Optional<StoredResponse> find(String scope, String key) {
        return jdbc.sql("""
                        select request_hash, status, headers::text, body
                          from idempotency_key
                         where scope = :scope and key = :key
                           and created_at > now() - make_interval(secs => :retention)
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("retention", retention.toSeconds())
                .query((rs, row) -> new StoredResponse(
                        rs.getBytes(1), rs.getInt(2), json.readValue(rs.getString(3), HEADERS), rs.getBytes(4)))
                .optional();
    }

    void save(String scope, String key, StoredResponse response) {
        jdbc.sql("""
                        insert into idempotency_key (scope, key, request_hash, status, headers, body)
                        values (:scope, :key, :hash, :status, cast(:headers as jsonb), :body)
                        on conflict (scope, key) do update
                           set request_hash = excluded.request_hash, status = excluded.status,
                               headers = excluded.headers, body = excluded.body, created_at = now()
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("hash", response.requestHash())
                .param("status", response.status())
                .param("headers", json.writeValueAsString(response.headers()))
                .param("body", response.body())
                .update();
    }

    @Override
    public String rows() {
        return "expired idempotency keys";
    }

    @Override
    public int forget(int limit) {
        return jdbc.sql("""
                        delete from idempotency_key
                         where ctid = any(array(select ctid from idempotency_key
                                                 where created_at < now() - make_interval(secs => :retention)
                                                 limit :limit))
                        """)
                .param("retention", retention.toSeconds())
                .param("limit", limit)
                .update();
    }
}
