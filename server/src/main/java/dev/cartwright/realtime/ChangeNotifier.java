package dev.cartwright.realtime;

import dev.cartwright.cart.CartChanged;
import dev.cartwright.cart.CartSwitched;
import dev.cartwright.inventory.StockChanged;
import dev.cartwright.shopper.IdentityEnded;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed changes to every node with PostgreSQL NOTIFY, never inside the changing
 * transaction: a transaction that notifies takes a database-wide lock at commit, which would
 * serialize every cart change. Changes are gathered for a few milliseconds and sent on this
 * node's own connection, as ids only, in payloads well under NOTIFY's 8000 bytes.
 */
@Component
class ChangeNotifier {

    static final String CHANNEL = "cartwright_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final int MAX_IDS_PER_NOTIFY = 100;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("change-notifier").daemon().factory());
    private final Object lock = new Object();
    private Set<UUID> carts = new HashSet<>();
    private Set<Long> products = new HashSet<>();
    private Set<UUID> shoppers = new HashSet<>();
    private Set<UUID> signedInGuests = new HashSet<>();
    private Set<UUID> signedOutSessions = new HashSet<>();
    /** When the earliest change gathered since the last NOTIFY was committed (epoch ms); the listeners run after each commit. */
    private @Nullable Long committedAt;
    private @Nullable Connection connection;

    ChangeNotifier(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
        flusher.scheduleWithFixedDelay(this::flush, 20, 20, TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CartChanged changed) {
        synchronized (lock) {
            carts.add(changed.cartId());
            committed();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CartSwitched switched) {
        synchronized (lock) {
            shoppers.add(switched.shopperId());
            committed();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IdentityEnded ended) {
        synchronized (lock) {
            if (ended.session() == null) {
                signedInGuests.add(ended.shopperId());
            } else {
                signedOutSessions.add(ended.session());
            }
            committed();
        }
    }

    private void committed() {
        if (committedAt == null) {
            committedAt = System.currentTimeMillis();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StockChanged changed) {
        synchronized (lock) {
            products.addAll(changed.productIds());
            committed();
        }
    }

    private void flush() {
        Changes changes;
        synchronized (lock) {
            changes = new Changes(carts, products, shoppers, signedInGuests, signedOutSessions, committedAt);
            committedAt = null;
            carts = new HashSet<>();
            products = new HashSet<>();
            shoppers = new HashSet<>();
            signedInGuests = new HashSet<>();
            signedOutSessions = new HashSet<>();
        }
        if (changes.isEmpty()) {
            return;
        }
        List<Changes> parts = split(changes);
        int sent = 0;
        try {
            for (Changes part : parts) {
                notify(json.writeValueAsString(part));
                sent++;
            }
        } catch (SQLException e) {
            // What was not sent goes with the next batch, merged with what changed meanwhile.
            List<Changes> unsent = parts.subList(sent, parts.size());
            synchronized (lock) {
                unsent.forEach(part -> {
                    carts.addAll(part.carts());
                    products.addAll(part.products());
                    shoppers.addAll(part.shoppers());
                    signedInGuests.addAll(part.signedInGuests());
                    signedOutSessions.addAll(part.signedOutSessions());
                });
                committedAt = changes.committedAt();
            }
            log.warn("Could not notify other nodes of {} of {} batches of changes; sending them again: {}",
                    unsent.size(), parts.size(), e.toString());
            close();
        }
    }

    private void notify(String payload) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private static List<Changes> split(Changes changes) {
        List<Changes> parts = new ArrayList<>();
        @Nullable Long at = changes.committedAt();
        for (Set<UUID> carts : chunks(changes.carts())) {
            parts.add(new Changes(carts, Set.of(), Set.of(), Set.of(), Set.of(), at));
        }
        for (Set<Long> products : chunks(changes.products())) {
            parts.add(new Changes(Set.of(), products, Set.of(), Set.of(), Set.of(), at));
        }
        for (Set<UUID> shoppers : chunks(changes.shoppers())) {
            parts.add(new Changes(Set.of(), Set.of(), shoppers, Set.of(), Set.of(), at));
        }
        for (Set<UUID> guests : chunks(changes.signedInGuests())) {
            parts.add(new Changes(Set.of(), Set.of(), Set.of(), guests, Set.of(), at));
        }
        for (Set<UUID> sessions : chunks(changes.signedOutSessions())) {
            parts.add(new Changes(Set.of(), Set.of(), Set.of(), Set.of(), sessions, at));
        }
        return parts;
    }

    private static <T> List<Set<T>> chunks(Set<T> ids) {
        List<T> all = List.copyOf(ids);
        List<Set<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_IDS_PER_NOTIFY) {
            chunks.add(Set.copyOf(all.subList(i, Math.min(i + MAX_IDS_PER_NOTIFY, all.size()))));
        }
        return chunks;
    }

    private void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is being thrown away anyway
        }
        connection = null;
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }
}
