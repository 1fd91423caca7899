package dev.cartwright.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL address as JDBC wants it. Hosting platforms hand out
 * {@code postgres://user:password@host:port/db?sslmode=require}; JDBC wants the user and
 * password apart and the scheme {@code jdbc:postgresql://}.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static DatabaseUrl parse(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw refusal("DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://.", null);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // The reason and the position, never the input: it holds the password.
            String at = e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1);
            throw refusal("DATABASE_URL is not a URL: " + e.getReason() + at + ".", e);
        }
        if (uri.getHost() == null) {
            throw refusal("DATABASE_URL names no host that can be read (postgres://user:password@host:5432/database).", null);
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    private static StartupRefusal refusal(String description, @Nullable Throwable cause) {
        return new StartupRefusal(description, "Set DATABASE_URL to postgres://user:password@host:5432/database "
                + "(characters such as @ : / in the password written as %40 %3A %2F), or unset it to use the embedded "
                + "PostgreSQL.", cause);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
