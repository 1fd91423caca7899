package dev.cartwright.realtime;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every node LISTENs on one dedicated connection for the changes of all nodes, and passes them
 * to its WebSockets. A dropped connection is made again, with growing pauses, by itself, and
 * then every socket is sent the current state of what it shows, since changes made meanwhile
 * were announced to nobody here.
 */
@Component
class ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    /** How the LISTEN connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "cartwright change listener";

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Fanout fanout;
    private volatile boolean running = true;
    private final Thread thread = Thread.ofVirtual().name("change-listener").unstarted(this::listen);

    ChangeListener(DataSource dataSource, JsonMapper json, Fanout fanout) {
        this.dataSource = dataSource;
        this.json = json;
        this.fanout = fanout;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.start();
    }

    private void listen() {
        Duration pause = Duration.ofMillis(100);
        while (running) {
            try (Connection listening = dataSource.getConnection(); Statement statement = listening.createStatement()) {
                listening.setAutoCommit(true);
                // Named, since its last query is seldom the LISTEN: pushes read on it too.
                statement.execute("set application_name = '" + APPLICATION_NAME + "'");
                statement.execute("listen " + ChangeNotifier.CHANNEL);
                log.info("Listening for changes of every node");
                pause = Duration.ofMillis(100);
                PGConnection pg = listening.unwrap(PGConnection.class);
                // Whatever changed while this node was not listening: every screen gets the current state.
                boolean behind = true;
                while (running) {
                    if (behind) {
                        behind = !pushed(listening, fanout::resync);
                    }
                    PGNotification[] notifications = pg.getNotifications(1000);
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        behind |= !pushed(listening,
                                () -> fanout.push(json.readValue(notification.getParameter(), Changes.class)));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The LISTEN connection failed ({}); listening again in {} ms", e.toString(), pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /**
     * A push that fails (the database is unreachable while a cart is read, a payload is not
     * understood) costs that push, not the LISTEN connection and what else it would bring.
     */
    private boolean pushed(Connection listening, Runnable push) {
        // A push reads on the LISTEN connection, bound to this thread: in a drop the checkouts hold
        // every pooled connection, and the news of their sales must not queue behind them.
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(listening));
        try {
            push.run();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not push changes to this node's sockets; they will get the current state: {}", e.toString());
            return false;
        } finally {
            TransactionSynchronizationManager.unbindResource(dataSource);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits out the listener's current poll (a second at most), so it closes its connection before the pool goes. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (!thread.join(Duration.ofSeconds(3))) {
            thread.interrupt();
        }
    }
}
