package dev.cartwright.platform;

import org.jspecify.annotations.Nullable;

/**
 * The service will not start, for a reason its operator can fix: a setting, a port, a directory.
 * {@link StartupRefusalAnalyzer} prints what happened and what to do, without a stack trace.
 */
public final class StartupRefusal extends RuntimeException {

    private final String action;

    public StartupRefusal(String description, String action) {
        this(description, action, null);
    }

    public StartupRefusal(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
