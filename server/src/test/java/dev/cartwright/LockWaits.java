package dev.cartwright;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** For tests that hold a lock and need the service's transactions to be waiting for it before they go on. */
public final class LockWaits {

    private LockWaits() {}

    /** Waits (at most 30 s) until this many transactions wait for a lock held by another. */
    public static void awaitWaitingForLocks(Connection watcher, int count) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Fewer than " + count + " transactions were ever waiting for a lock at once");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
