package dev.cartwright.platform;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The PostgreSQL that DATABASE_URL names could not be reached or would not let us in: refused,
 * unknown host, wrong password, no such database. Named without its credentials.
 */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException failure) {
        String url = environment.getProperty("cartwright.database.url", "").strip();
        if (url.isEmpty() || !refusedConnection(failure.getSQLState())) {
            return null;
        }
        String where = DatabaseUrl.parse(url).jdbcUrl().replaceFirst("\\?.*", "");
        return new FailureAnalysis("Cannot connect to the PostgreSQL that DATABASE_URL names (" + where + "): "
                + failure.getMessage().strip().replaceAll("\\s+", " "),
                "Check DATABASE_URL (host, port, database, user and password) and that this PostgreSQL accepts "
                        + "connections from here; or unset it to use the embedded PostgreSQL.", failure);
    }

    /** Connection exceptions (08), invalid authorization (28) and a database that does not exist (3D000). */
    private static boolean refusedConnection(@Nullable String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.equals("3D000"));
    }
}
