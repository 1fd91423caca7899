package dev.cartwright.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failure of the database means for a request. {@code CONFLICT}: this transaction lost
 * a race (a deadlock, a serialization failure, a lock it waited too long for) and may simply run
 * again. {@code UNAVAILABLE}: the database cannot be reached or is overloaded; the client should
 * come back shortly. {@code OTHER}: not the database's state; a bug.
 */
enum DatabaseFailure {
    CONFLICT, UNAVAILABLE, OTHER;

    private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "55P03");
    /** Admin or crash shutdown, not accepting connections yet, too many connections, a statement timed out. */
    private static final Set<String> OUTAGES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    static DatabaseFailure of(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // A commit or rollback that could not even be sent: the connection broke under the transaction.
            if (cause instanceof SQLTransientConnectionException || cause instanceof TransactionSystemException) {
                return UNAVAILABLE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (CONFLICTS.contains(state)) {
                    return CONFLICT;
                }
                if (state.startsWith("08") || OUTAGES.contains(state)) {
                    return UNAVAILABLE;
                }
            }
        }
        return OTHER;
    }
}
