package dev.cartwright.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** What claiming a key found. */
    sealed interface Claim {
        /** The key is this transaction's until it ends; no answer was stored under it. */
        record Claimed() implements Claim {}

        /** Another request with this key is running. */
        record InUse() implements Claim {}

        /** A request with this key has run; this is its answer. */
        record Used(StoredResponse response) implements Claim {}
    }

    /**
     * Claims the key for the current transaction and reads its stored answer, in one statement.
     * The lock ends with its transaction, after which that transaction's answer is stored. One that
     * ended between this statement's snapshot and its lock is not seen here; {@link #save} finds it.
     */
    Claim claim(String scope, String key) {
        return jdbc.sql("""
                        select pg_try_advisory_xact_lock(hashtextextended(:scope || '/' || :key, 0)) as claimed,
                               k.request_hash, k.status, k.headers::text as headers, k.body
                          from (select) as one
                          left join idempotency_key k
                            on k.scope = :scope and k.key = :key
                           and k.created_at > now() - make_interval(secs => :retention)
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("retention", retention.toSeconds())
                .query((rs, row) -> !rs.getBoolean("claimed") ? new Claim.InUse()
                        : rs.getBytes("request_hash") == null ? new Claim.Claimed()
                        : new Claim.Used(storedResponse(rs)))
                .single();
    }

    /** The answer stored under the key, for a transaction that found it there only when it came to store its own. */
    Optional<StoredResponse> find(String scope, String key) {
        return jdbc.sql("""
                        select request_hash, status, headers::text as headers, body
                          from idempotency_key
                         where scope = :scope and key = :key
                           and created_at > now() - make_interval(secs => :retention)
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("retention", retention.toSeconds())
                .query((rs, row) -> storedResponse(rs))
                .optional();
    }

    /**
     * Stores the answer under the claimed key, replacing only an expired one. False when a request
     * with this key stored its answer after this transaction's claim read: this one must not count.
     */
    boolean save(String scope, String key, StoredResponse response) {
        return jdbc.sql("""
                        insert into idempotency_key (scope, key, request_hash, status, headers, body)
                        values (:scope, :key, :hash, :status, cast(:headers as jsonb), :body)
                        on conflict (scope, key) do update
                           set request_hash = excluded.request_hash, status = excluded.status,
                               headers = excluded.headers, body = excluded.body, created_at = now()
                         where idempotency_key.created_at <= now() - make_interval(secs => :retention)
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("hash", response.requestHash())
                .param("status", response.status())
                .param("headers", json.writeValueAsString(response.headers()))
                .param("body", response.body())
                .param("retention", retention.toSeconds())
                .update() == 1;
    }

    private StoredResponse storedResponse(ResultSet rs) throws SQLException {
        return new StoredResponse(rs.getBytes("request_hash"), rs.getInt("status"),
                json.readValue(rs.getString("headers"), HEADERS), rs.getBytes("body"));
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
