package dev.cartwright.platform;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives: {@code url} (from DATABASE_URL) selects an external PostgreSQL;
 * without it an embedded PostgreSQL keeps its files in {@code dataDir}, and {@code durable}
 * (the default) makes it sync every commit to disk, so a power loss loses nothing acknowledged.
 * The timeouts bound each wait for a pooled connection, each statement, each wait for a lock
 * and each idle open transaction. Features whose defaults
 * suit only the embedded demo store (the simulated payment provider) ask {@link #embedded()}.
 */
@Validated
@ConfigurationProperties("cartwright.database")
public record DatabaseSettings(String url, Path dataDir, @Min(2) int maxPoolSize, boolean durable,
        Duration connectionTimeout, Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
