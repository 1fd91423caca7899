package dev.cartwright.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every feature's retention task on one node at a time: the node that holds a session
 * advisory lock does the work, the others skip the round. A node that dies mid-run loses its
 * connection and with it the lock, so the next round runs elsewhere.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** The advisory lock's key: "retn" in ASCII. */
    static final long LOCK = 0x7265746EL;

    private final DataSource dataSource;
    private final List<RetentionTask> tasks;
    private final RetentionSettings settings;

    Retention(DataSource dataSource, List<RetentionTask> tasks, RetentionSettings settings) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${cartwright.retention.interval}", initialDelayString = "PT1M")
    void scheduled() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            log.warn("Retention round failed; the next round tries again: {}", e.toString());
        }
    }

    /** One round: false when another node holds the lock and this one did nothing. */
    boolean run() throws SQLException {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisory(lockHolder, "select pg_try_advisory_lock(?)")) {
                return false;
            }
            try {
                for (RetentionTask task : tasks) {
                    forgetAll(task);
                }
            } finally {
                advisory(lockHolder, "select pg_advisory_unlock(?)");
            }
            return true;
        }
    }

    private void forgetAll(RetentionTask task) {
        int total = 0;
        int forgotten;
        do {
            forgotten = task.forget(settings.batchSize());
            total += forgotten;
        } while (forgotten == settings.batchSize());
        if (total > 0) {
            log.info("Retention: deleted {} {}", total, task.rows());
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
