package dev.cartwright.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenarios 2 and 3, a drop: BENCH_SHOPPERS shoppers put the product (BENCH_UNITS on hand) in
 * their cart (setup, not counted), BENCH_SOCKETS sockets follow it on /ws, then every shopper
 * checks out at once with at most BENCH_IN_FLIGHT checkouts in flight. With two BENCH_NODES,
 * shoppers and sockets take turns between them. Writes checkouts/s, the answers by status and
 * code, and the push latency (see {@link PushLatency}); ./bench checks the stock with SQL after.
 */
public class DropSimulation extends Simulation {

    private static final String ADDRESS = """
            {"shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", \
            "city": "London", "postalCode": "SW1Y 4JH", "country": "GB"}}""";
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(3);
    private static final int FILLERS = 32;

    private record Ready(String cookie, String node) {}

    private final Bench bench = Bench.fromEnvironment();
    private final long product = Bench.productId("BENCH_DROP_PRODUCT");
    private final int shoppers = Bench.number("BENCH_SHOPPERS");
    private final int sockets = Bench.number("BENCH_SOCKETS");
    private final int inFlight = Bench.number("BENCH_IN_FLIGHT");
    private final int units = Bench.number("BENCH_UNITS");
    private final Duration grace = Bench.seconds("BENCH_PUSH_GRACE_SECONDS");
    private final Duration socketRamp = Bench.seconds("BENCH_SOCKET_RAMP_SECONDS");

    private final AtomicInteger filled = new AtomicInteger();
    private final AtomicInteger fillersDone = new AtomicInteger();
    private final AtomicInteger cartsFilled = new AtomicInteger();
    private final ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger socketsFollowing = new AtomicInteger();
    private final AtomicInteger socketsFailed = new AtomicInteger();
    private final AtomicInteger checkersDone = new AtomicInteger();
    private final AtomicLong dropStart = new AtomicLong();
    private final AtomicLong dropEnd = new AtomicLong();
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final PushLatency push = new PushLatency();
    private final Samples latency = new Samples();
    private final long createdAt = System.currentTimeMillis();

    /** Setup: each shopper's first request puts the product in a new guest's cart and brings the cookie. */
    private final ChainBuilder fill = exec(session -> session.set("n", filled.getAndIncrement()))
            .asLongAs(session -> session.getInt("n") < shoppers).on(
                    exec(flushCookieJar())
                    .exec(session -> session.set("node", bench.node(session.getInt("n"))))
                    .exec(http("setup: add to cart").put(session -> session.getString("node") + "/api/cart/products/" + product)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                            .header("Origin", session -> session.getString("node"))
                            .body(StringBody("{\"quantity\": 1}"))
                            .check(status().saveAs("status"), bodyString().saveAs("body"), status().is(200), headerRegex("Set-Cookie", "cartwright_shopper=([^;]+)").saveAs("cookie")))
                    .exec(session -> {
                        if (!session.isFailed()) {
                            cartsFilled.incrementAndGet();
                            ready.add(new Ready(session.getString("cookie"), session.getString("node")));
                        } else if (unexpected.size() < 10) {
                            unexpected.add("setup: add to cart: " + session.get("status") + ": " + session.getString("body"));
                        }
                        return session.markAsSucceeded().removeAll("status", "body").set("n", filled.getAndIncrement());
                    }))
            .exec(session -> {
                fillersDone.incrementAndGet();
                return session;
            });

    /** A socket follows the product until the drop is over and the last pushes had time to arrive. */
    private final ChainBuilder follow = exec(session -> session.set("node", bench.node(session.userId())))
            .exec(ws("follow").connect(session -> Bench.wsUrl(session.getString("node")))
                    .header("Origin", session -> session.getString("node"))
                    .await(Duration.ofSeconds(30)).on(ws.checkTextMessage("cart").matching(jsonPath("$.type").is("cart"))))
            .exec(ws("subscribe").sendText("{\"type\": \"subscribe\", \"productIds\": [" + product + "]}")
                    .await(Duration.ofSeconds(30)).on(ws.checkTextMessage("stock")
                            .matching(jsonPath("$.type").is("stock"))
                            .check(jsonPath("$.available").ofInt().is(units))))
            .exec(session -> {
                (session.isFailed() ? socketsFailed : socketsFollowing).incrementAndGet();
                return session;
            })
            .exitHereIfFailed()
            .asLongAs(session -> checkersDone.get() < inFlight).on(
                    exec(ws.processUnmatchedMessages(this::heard)).pause(Duration.ofMillis(200)))
            .pause(grace)
            .exec(ws.processUnmatchedMessages(this::heard))
            .exec(ws("follow").close());

    /** The drop: each of BENCH_IN_FLIGHT checkers checks out one waiting shopper after another. */
    private final ChainBuilder checkOut = asLongAs(session -> !settled()).on(pause(Duration.ofMillis(50)))
            .exec(session -> {
                dropStart.compareAndSet(0, System.currentTimeMillis());
                return next(session);
            })
            .asLongAs(session -> session.contains("cookie")).on(
                    exec(flushCookieJar())
                    .exec(http("checkout").post(session -> session.getString("node") + "/api/checkouts")
                            .header("Cookie", "cartwright_shopper=#{cookie}")
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                            .header("Origin", session -> session.getString("node"))
                            .body(StringBody(ADDRESS))
                            .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"), jsonPath("$.code").optional().saveAs("code"),
                                    bodyString().saveAs("body"), status().in(201, 409)))
                    .exec(session -> next(answered(session))))
            .exec(session -> {
                dropEnd.accumulateAndGet(System.currentTimeMillis(), Math::max);
                checkersDone.incrementAndGet();
                return session;
            });

    {
        setUp(
                // Sockets connect once the carts are filled, so that neither setup starves the other of connections.
                scenario("setup: shoppers fill their carts").exec(fill).injectOpen(atOnceUsers(FILLERS))
                        .andThen(scenario("sockets follow the product").exec(follow).injectOpen(rampUsers(sockets).during(socketRamp))),
                scenario("drop").exec(checkOut).injectOpen(atOnceUsers(inFlight)))
                // Pushes wait in Gatling's buffer, stamped on arrival, until the socket's loop reads them.
                .protocols(http.acceptHeader("application/json").disableWarmUp().wsUnmatchedInboundMessageBufferSize(1000));
    }

    /** Every cart filled and every socket following (or failed), or waited long enough. */
    private boolean settled() {
        boolean filledAll = fillersDone.get() == FILLERS;
        boolean followedAll = socketsFollowing.get() + socketsFailed.get() == sockets;
        return (filledAll && followedAll) || System.currentTimeMillis() - createdAt > SETTLE_AT_MOST.toMillis();
    }

    private Session next(Session session) {
        Ready shopper = ready.poll();
        Session cleared = session.removeAll("cookie", "node", "status", "millis", "code", "body");
        return shopper == null ? cleared : cleared.set("cookie", shopper.cookie()).set("node", shopper.node());
    }

    private Session answered(Session session) {
        long now = System.currentTimeMillis();
        answered.incrementAndGet();
        Integer status = session.get("status");
        String code = session.getString("code");
        String outcome = status == null ? "no answer" : code == null ? String.valueOf(status) : status + " " + code;
        outcomes.computeIfAbsent(outcome, absent -> new AtomicInteger()).incrementAndGet();
        if (status != null) {
            latency.add(session.getLong("millis"));
        }
        if (status != null && status == 201) {
            push.reserved(now);
        } else if ((status == null || status != 409) && unexpected.size() < 10) {
            unexpected.add(outcome + ": " + session.getString("body"));
        }
        return session.markAsSucceeded();
    }

    private Session heard(List<WsInboundMessage> messages, Session session) {
        push.heard(session.userId(), messages, (int) product);
        return session;
    }

    @Override
    public void after() {
        Map<String, Object> figures = new LinkedHashMap<>();
        double seconds = Math.max(1, dropEnd.get() - dropStart.get()) / 1000.0;
        figures.put("nodes", bench.nodes().size());
        figures.put("shoppers", shoppers);
        figures.put("cartsFilled", cartsFilled.get());
        figures.put("sockets", sockets);
        figures.put("socketsFollowing", socketsFollowing.get());
        figures.put("socketsFailed", socketsFailed.get());
        figures.put("inFlight", inFlight);
        figures.put("units", units);
        figures.put("seconds", seconds);
        figures.put("checkouts", answered.get());
        figures.put("checkoutsPerSecond", answered.get() / seconds);
        figures.put("latency", latency.figures());
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byOutcome.put(entry.getKey(), entry.getValue().get()));
        figures.put("outcomes", byOutcome);
        figures.put("unexpected", new ArrayList<>(unexpected));
        figures.put("push", push.figures(units));
        bench.write(figures);
    }
}
