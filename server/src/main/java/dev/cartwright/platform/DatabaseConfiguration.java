package dev.cartwright.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: HikariCP on DATABASE_URL, or on an embedded PostgreSQL started here.
 * Spring closes the pool before it stops the embedded server, so shutdown is clean.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Nullable EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException {
        if (!settings.embedded()) {
            return null;
        }
        EmbeddedBinaries.requireThisPlatform();
        DataDirectory.prepare(settings.dataDir());
        StalePostmaster.stopIfRunning(settings.dataDir());
        log.info("Starting the embedded PostgreSQL with its data in {}{}", settings.dataDir(),
                settings.durable() ? "" : " (not durable: CARTWRIGHT_DB_DURABLE=false)");
        // The library starts PostgreSQL with -F (fsync off) and synchronous_commit off; these -c options come after and win.
        String durable = settings.durable() ? "on" : "off";
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDir())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .start();
        } catch (IOException | RuntimeException e) {
            // The library logs PostgreSQL's own output at INFO, which application.properties turns down to WARN.
            throw new StartupRefusal("The embedded PostgreSQL did not start on CARTWRIGHT_DATA_DIR (" + settings.dataDir()
                    + "): " + e.getMessage(), "Start again with LOGGING_LEVEL_IO_ZONKY_TEST_DB_POSTGRES_EMBEDDED=INFO to see "
                    + "PostgreSQL's own output, or set DATABASE_URL to use another PostgreSQL.", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, ObjectProvider<EmbeddedPostgres> embedded) {
        HikariConfig config = new HikariConfig();
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        if (postgres != null) {
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        } else {
            DatabaseUrl url = DatabaseUrl.parse(settings.url());
            config.setJdbcUrl(url.jdbcUrl());
            config.setUsername(url.username());
            config.setPassword(url.password());
        }
        config.setPoolName("cartwright");
        // Bounds for every connection: a statement, a wait for a lock, a transaction left open by
        // a stuck request. Migrations lift the statement bound for themselves (spring.flyway.init-sqls).
        config.addDataSourceProperty("options", "-c statement_timeout=%d -c lock_timeout=%d -c idle_in_transaction_session_timeout=%d"
                .formatted(settings.statementTimeout().toMillis(), settings.lockTimeout().toMillis(),
                        settings.idleInTransactionTimeout().toMillis()));
        config.setMaximumPoolSize(settings.maxPoolSize());
        // How long a request waits for a connection: past it, 503 and Retry-After rather than a growing queue.
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        return new HikariDataSource(config);
    }
}
