package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.cart.CheckoutSelection;
import dev.cartwright.cart.Pricing;
import dev.cartwright.inventory.Reservation;
import dev.cartwright.inventory.StockRequest;
import dev.cartwright.inventory.StockReservations;
import dev.cartwright.order.NewOrder;
import dev.cartwright.order.OrderView;
import dev.cartwright.order.Orders;
import dev.cartwright.order.ShippingAddress;
import dev.cartwright.payment.PaymentAnomalies;
import dev.cartwright.payment.PaymentEvents;
import dev.cartwright.payment.PaymentFailed;
import dev.cartwright.payment.PaymentProvider;
import dev.cartwright.payment.PaymentRequest;
import dev.cartwright.payment.PaymentSession;
import dev.cartwright.payment.PaymentStatus;
import dev.cartwright.payment.PaymentSucceeded;
import dev.cartwright.shipping.ShippingMethod;
import dev.cartwright.shipping.ShippingRates;
import dev.cartwright.shopper.ShopperId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checkout state machine. Creating a checkout reserves the selected lines all or nothing;
 * payment turns the reservation into a sale and an order; failure, cancellation and expiry
 * give the stock back. Every transition locks the checkout row first, so transitions of one
 * checkout never interleave, and each is allowed only from the states named here.
 */
@Service
public class Checkouts {

    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);
    /** How long a node that asks the provider about a checkout has it to itself: more than a provider call takes. */
    private static final Duration PAYMENT_CHECK_CLAIM = Duration.ofMinutes(1);

    private final CheckoutStore store;
    private final Carts carts;
    private final StockReservations reservations;
    private final Coupons coupons;
    private final Orders orders;
    private final PaymentProvider provider;
    private final PaymentAnomalies anomalies;
    private final CheckoutSettings settings;
    private final ReservationCaps caps;
    private final PaymentEvents paymentEvents;
    private final ShippingRates shippingRates;
    private final TransactionTemplate transactions;
    private final CheckoutMeters meters;

    Checkouts(CheckoutStore store, Carts carts, StockReservations reservations, Coupons coupons, Orders orders,
            PaymentProvider provider, PaymentAnomalies anomalies, CheckoutSettings settings, ReservationCaps caps,
            PaymentEvents paymentEvents, ShippingRates shippingRates, TransactionTemplate transactions,
            CheckoutMeters meters) {
        this.store = store;
        this.carts = carts;
        this.reservations = reservations;
        this.coupons = coupons;
        this.orders = orders;
        this.provider = provider;
        this.anomalies = anomalies;
        this.settings = settings;
        this.caps = caps;
        this.paymentEvents = paymentEvents;
        this.shippingRates = shippingRates;
        this.transactions = transactions;
        this.meters = meters;
    }

    CouponCheck check(String code, long subtotal) {
        Optional<Coupons.Coupon> found = coupons.find(code);
        if (found.isEmpty()) {
            return new CouponCheck.Refused(CouponCheck.Reason.UNKNOWN, 0);
        }
        Coupons.Coupon coupon = found.get();
        if (coupon.expiresAt() != null && !coupon.expiresAt().isAfter(Instant.now())) {
            return new CouponCheck.Refused(CouponCheck.Reason.EXPIRED, 0);
        }
        if (coupon.usageLimit() != null && coupon.uses() >= coupon.usageLimit()) {
            return new CouponCheck.Refused(CouponCheck.Reason.USED_UP, 0);
        }
        if (subtotal < coupon.terms().minimumSubtotal()) {
            return new CouponCheck.Refused(CouponCheck.Reason.MINIMUM_NOT_MET, coupon.terms().minimumSubtotal());
        }
        return new CouponCheck.Usable(coupon.terms(), coupon.terms().of(subtotal));
    }

    /** Checks a coupon against the shopper's cart and, when it can be used, attaches it to the cart. */
    @Transactional
    CouponApplication applyCoupon(ShopperId shopper, String code) {
        return switch (check(code, carts.view(shopper).totals().subtotal())) {
            case CouponCheck.Usable usable ->
                    new CouponApplication.Applied(usable.terms().code(), usable.discount(), carts.applyCoupon(shopper, usable.terms()));
            case CouponCheck.Refused refused -> refused;
        };
    }

    @Transactional
    CheckoutOutcome create(ShopperId shopper, ShippingAddress address, ShippingMethod method, @Nullable String couponCode) {
        Optional<CheckoutOutcome> atSight = answeredAtSight(shopper);
        if (atSight.isPresent()) {
            return atSight.get();
        }
        // Taken before the cart: a shopper may check out two carts (their own, one they joined) at once.
        store.lockShopper(shopper.value());
        CheckoutSelection basket = carts.lockSelection(shopper);
        List<CartView.Line> selected = basket.lines();
        if (selected.isEmpty()) {
            return new CheckoutOutcome.EmptySelection();
        }
        Pricing.Discount terms = null;
        String code = couponCode != null && !couponCode.isBlank() ? couponCode
                : basket.coupon() != null ? basket.coupon().code() : null;
        if (code != null) {
            CouponCheck check = check(code, basket.totals().subtotal());
            if (check instanceof CouponCheck.Refused refused) {
                return new CheckoutOutcome.CouponRefused(Coupons.normalize(code), refused);
            }
            terms = ((CouponCheck.Usable) check).terms();
        }
        // A shopper's new checkout of a cart replaces their own not yet being paid, so its stock is not
        // held twice; another member's checkout of a shared cart is theirs, and stays.
        List<UUID> replaced = store.lockReservedOfCart(basket.cartId(), shopper.value());
        List<CheckoutStore.Holding> holdings = store.openHoldings(shopper.value());
        Optional<CheckoutOutcome.ReservationLimit> limit = caps.exceededBy(holdings, replaced, selected);
        if (limit.isPresent()) {
            return limit.get();
        }
        Map<Long, Integer> freed = holdings.stream()
                .filter(holding -> replaced.contains(holding.checkoutId()))
                .collect(Collectors.groupingBy(CheckoutStore.Holding::productId,
                        Collectors.summingInt(CheckoutStore.Holding::quantity)));
        Optional<Reservation.Conflict> plainlyShort = plainlyShort(selected, freed);
        if (plainlyShort.isPresent()) {
            return stockConflict(shopper, selected, plainlyShort.get());
        }
        UUID id = UUID.randomUUID();
        List<StockRequest> wanted = selected.stream().map(line -> new StockRequest(line.productId(), line.quantity())).toList();
        CartView.Totals totals = Pricing.totals(selected.stream()
                .map(line -> new Pricing.PricedLine(line.unitPrice(), line.quantity(), true)).toList(),
                basket.totals().currency(), terms, shippingRates.rate(method, address.country()));
        CheckoutStore.CheckoutRow row = new CheckoutStore.CheckoutRow(id, shopper.value(), basket.cartId(),
                CheckoutStatus.RESERVED, address, method, terms == null ? null : terms.code(), false, totals.subtotal(),
                totals.discount(), totals.shipping(), totals.total(), totals.currency(), null, null, null,
                Instant.now().plus(settings.reservationTtl()));
        List<CheckoutView.Line> lines = selected.stream().map(line -> new CheckoutView.Line(line.id(), line.productId(),
                line.name(), line.unitPrice(), line.quantity(), line.lineTotal())).toList();
        store.insert(row, lines);
        // Stock rows last: with replaced checkouts, theirs and the new one's are locked in one pass in
        // product-id order, since two sorted passes could cross another's; otherwise only by the commit.
        if (!replaced.isEmpty()) {
            Set<Long> products = new TreeSet<>(freed.keySet());
            wanted.forEach(request -> products.add(request.productId()));
            reservations.lockInOrder(products);
            for (UUID previous : replaced) {
                store.lock(previous).ifPresent(previousRow -> close(previousRow, CheckoutStatus.CANCELLED));
            }
        }
        // Taken at the commit, which fails and runs this again when another took the units since the plain read.
        reservations.reserveAtCommit(id, wanted);
        return new CheckoutOutcome.Created(view(row, lines));
    }

    /**
     * In a drop most shoppers are refused: from one plain read, before any lock, unless a checkout
     * of theirs that the new one would replace could give back what they lack.
     */
    private Optional<CheckoutOutcome> answeredAtSight(ShopperId shopper) {
        List<CartView.Line> seen = carts.selectedLines(shopper);
        if (seen.isEmpty()) {
            return Optional.of(new CheckoutOutcome.EmptySelection());
        }
        Optional<Reservation.Conflict> plainlyShort = plainlyShort(seen, Map.of());
        if (plainlyShort.isPresent() && !store.holdsReserved(shopper.value())) {
            return Optional.of(stockConflict(shopper, seen, plainlyShort.get()));
        }
        return Optional.empty();
    }

    /** The lines that plainly cannot be had on what was read of them, counting what the caller gives back first. */
    private static Optional<Reservation.Conflict> plainlyShort(List<CartView.Line> selected, Map<Long, Integer> freed) {
        List<Reservation.Shortfall> shortfalls = selected.stream()
                .filter(line -> line.quantity() > line.available() + freed.getOrDefault(line.productId(), 0))
                .map(line -> new Reservation.Shortfall(line.productId(), line.quantity(),
                        line.available() + freed.getOrDefault(line.productId(), 0)))
                .sorted(Comparator.comparingLong(Reservation.Shortfall::productId))
                .toList();
        return shortfalls.isEmpty() ? Optional.empty() : Optional.of(new Reservation.Conflict(shortfalls));
    }

    @Transactional(readOnly = true)
    Optional<CheckoutView> find(ShopperId shopper, UUID id) {
        return store.find(id, shopper.value()).map(this::view);
    }

    /**
     * Opens a payment session for a reserved checkout, or for a declined one, the same checkout,
     * if its stock can be had again. The provider is called outside any transaction, so no
     * connection or lock is held while it answers; a short transaction then records the session,
     * checking again what may have changed meanwhile.
     */
    Transition startPayment(ShopperId shopper, UUID id, String method) {
        Optional<CheckoutStore.CheckoutRow> found = store.find(id, shopper.value());
        if (found.isEmpty()) {
            return new Transition.NotFound();
        }
        CheckoutStore.CheckoutRow checkout = found.get();
        if (checkout.status() == CheckoutStatus.PAYMENT_PENDING && checkout.paymentRedirectUrl() != null) {
            return new Transition.PaymentStarted(URI.create(checkout.paymentRedirectUrl()));
        }
        if (checkout.status() != CheckoutStatus.RESERVED && checkout.status() != CheckoutStatus.FAILED) {
            return new Transition.IllegalState(checkout.status(), "pay for");
        }
        // Paying again after a decline reserves the stock anew, for a whole reservation's time.
        Instant expiresAt = checkout.status() == CheckoutStatus.FAILED
                ? Instant.now().plus(settings.reservationTtl()) : checkout.expiresAt();
        PaymentSession session = provider.start(new PaymentRequest(id, checkout.total(), checkout.currency(), method,
                URI.create("/checkout/" + id + "/complete"), expiresAt));
        return Objects.requireNonNull(transactions.execute(
                tx -> paymentStarted(shopper, checkout.status(), id, session, expiresAt)));
    }

    private Transition paymentStarted(ShopperId shopper, CheckoutStatus seen, UUID id, PaymentSession session,
            Instant expiresAt) {
        if (seen == CheckoutStatus.FAILED) {
            // Holding the lines again counts against the caps, like a new checkout: the shopper's lock first.
            store.lockShopper(shopper.value());
        }
        CheckoutStore.CheckoutRow locked = store.lock(id).orElseThrow();
        if (locked.status() == CheckoutStatus.FAILED) {
            Optional<CheckoutOutcome.ReservationLimit> limit = caps.exceededAgainBy(shopper, store.lines(id));
            if (limit.isPresent()) {
                return new Transition.ReservationLimited(limit.get());
            }
            Optional<Transition> gone = reserveAgain(locked, expiresAt);
            if (gone.isPresent()) {
                return gone.get();
            }
        } else if (locked.status() == CheckoutStatus.PAYMENT_PENDING && locked.paymentRedirectUrl() != null) {
            // Another request for the same checkout got its session recorded first; this one's is never used.
            return new Transition.PaymentStarted(URI.create(locked.paymentRedirectUrl()));
        } else if (locked.status() != CheckoutStatus.RESERVED) {
            return new Transition.IllegalState(locked.status(), "pay for");
        }
        boolean claimed = false;
        if (locked.couponCode() != null) {
            if (!coupons.claim(locked.couponCode())) {
                // Without the discount the goods may reach the free threshold: shipping is priced again.
                store.dropCoupon(id, shippingRates.rate(locked.shippingMethod(), locked.address().country())
                        .of(locked.subtotal()));
                return new Transition.CouponWithdrawn(locked.couponCode(), view(store.lock(id).orElseThrow()));
            }
            claimed = true;
        }
        store.paymentStarted(id, session.sessionId(), session.redirectUrl().toString(), claimed);
        return new Transition.PaymentStarted(session.redirectUrl());
    }

    /** A declined checkout holds its lines again, all or none; answers what is short when they cannot be had. */
    private Optional<Transition> reserveAgain(CheckoutStore.CheckoutRow declined, Instant expiresAt) {
        List<CheckoutView.Line> lines = store.lines(declined.id());
        Reservation reservation = reservations.reserveAll(declined.id(),
                lines.stream().map(line -> new StockRequest(line.productId(), line.quantity())).toList());
        if (reservation instanceof Reservation.Conflict conflict) {
            Map<Long, CheckoutView.Line> byProduct = lines.stream()
                    .collect(Collectors.toMap(CheckoutView.Line::productId, Function.identity()));
            return Optional.of(new Transition.StockGone(conflict.shortfalls().stream()
                    .map(shortfall -> {
                        CheckoutView.Line line = byProduct.get(shortfall.productId());
                        return new CheckoutOutcome.Unavailable(line.cartItemId(), line.productId(), line.name(),
                                shortfall.requested(), Math.max(0, shortfall.available()));
                    })
                    .toList()));
        }
        store.reserved(declined.id(), expiresAt);
        return Optional.empty();
    }

    @Transactional
    Transition cancel(ShopperId shopper, UUID id) {
        if (store.find(id, shopper.value()).isEmpty()) {
            return new Transition.NotFound();
        }
        CheckoutStore.CheckoutRow locked = store.lock(id).orElseThrow();
        if (!locked.status().isOpen()) {
            return new Transition.IllegalState(locked.status(), "cancel");
        }
        close(locked, CheckoutStatus.CANCELLED);
        return new Transition.Cancelled(view(store.lock(id).orElseThrow()));
    }

    /**
     * Runs inside the webhook's transaction: if anything here fails, the event is not recorded and
     * comes again. A payment that cannot complete its checkout is recorded as an anomaly for the
     * operator and acknowledged, so the provider stops sending it.
     */
    @EventListener
    @Transactional
    void on(PaymentSucceeded paid) {
        // The one lock order: the cart the bought units leave comes before the checkout.
        store.cartOf(paid.checkoutId()).ifPresent(carts::lockForPurchase);
        Optional<CheckoutStore.CheckoutRow> found = store.lock(paid.checkoutId());
        if (found.isEmpty()) {
            refused(paid, PaymentAnomalies.Reason.UNKNOWN_CHECKOUT, "a checkout of this shop",
                    "checkout " + paid.checkoutId());
            return;
        }
        CheckoutStore.CheckoutRow checkout = found.get();
        // Only the session this checkout is being paid through can pay for it; another one's amount proves nothing.
        if (!paid.sessionId().equals(checkout.paymentSessionId())) {
            refused(paid, PaymentAnomalies.Reason.SESSION_MISMATCH,
                    checkout.paymentSessionId() == null ? "no payment session yet" : checkout.paymentSessionId(),
                    paid.sessionId());
            return;
        }
        if (paid.amount() != checkout.total() || !paid.currency().equals(checkout.currency())) {
            refused(paid, PaymentAnomalies.Reason.AMOUNT_MISMATCH, checkout.total() + " " + checkout.currency(),
                    paid.amount() + " " + paid.currency());
            return;
        }
        switch (checkout.status()) {
            case PAYMENT_PENDING -> complete(checkout);
            case PAID, RESERVED -> log.info("Payment {} for checkout {} ignored: it is {}", paid.eventId(), checkout.id(),
                    checkout.status());
            case FAILED, CANCELLED, EXPIRED -> completeLate(checkout, paid);
        }
    }

    /**
     * A failure after success changes nothing: only a checkout waiting for payment can fail, and only
     * through the session it is being paid with, not an earlier one abandoned.
     */
    @EventListener
    @Transactional
    void on(PaymentFailed failed) {
        store.lock(failed.checkoutId())
                .filter(checkout -> checkout.status() == CheckoutStatus.PAYMENT_PENDING)
                .filter(checkout -> failed.sessionId().equals(checkout.paymentSessionId()))
                .ifPresent(checkout -> close(checkout, CheckoutStatus.FAILED));
    }

    /**
     * Expires up to {@code batch} overdue reserved checkouts, each in a transaction of its own, so
     * that no sweep holds many rows and one that fails (a bad row) holds up none of the others.
     * Answers how many it tried. Safe on every node at once (SKIP LOCKED).
     */
    int expireOverdue(int batch) {
        Set<UUID> failed = new HashSet<>();
        int tried = 0;
        while (tried < batch) {
            AtomicReference<@Nullable UUID> expiring = new AtomicReference<>();
            try {
                Optional<UUID> expired = Objects.requireNonNull(transactions.execute(tx -> {
                    Optional<UUID> overdue = store.lockExpired(failed);
                    overdue.ifPresent(id -> {
                        expiring.set(id);
                        close(store.lock(id).orElseThrow(), CheckoutStatus.EXPIRED);
                    });
                    return overdue;
                }));
                if (expired.isEmpty()) {
                    return tried;
                }
            } catch (RuntimeException e) {
                UUID bad = expiring.get();
                if (bad == null) {
                    throw e;
                }
                failed.add(bad);
                log.error("Could not expire checkout {}; the sweep goes on without it: {}", bad, e.toString());
            }
            tried++;
        }
        return tried;
    }

    /**
     * Checkouts being paid past their time are not given up on the clock alone: the provider is
     * asked first, outside any transaction, about each of one batch; answers how many were asked.
     * Safe on every node at once; a checkout whose provider cannot answer is asked again later.
     */
    int settleOverduePayments(int batch) {
        List<CheckoutStore.OverduePayment> overdue = store.claimOverduePayments(batch, PAYMENT_CHECK_CLAIM);
        for (CheckoutStore.OverduePayment payment : overdue) {
            try {
                settle(payment, provider.status(payment.sessionId()));
            } catch (RuntimeException e) {
                log.warn("Checkout {}: payment session {} could not be settled now, asking again later: {}",
                        payment.checkoutId(), payment.sessionId(), e.toString());
            }
        }
        return overdue.size();
    }

    /**
     * Paid: completed as the webhook would (which then finds it paid). Open: kept until the
     * session's expiry and the grace after it. Declined: failed, to be paid again. Closed: expired.
     */
    private void settle(CheckoutStore.OverduePayment payment, PaymentStatus status) {
        transactions.executeWithoutResult(tx -> {
            if (status instanceof PaymentStatus.Paid paid) {
                paymentEvents.paidAtProvider(payment.checkoutId(), payment.sessionId(), paid);
            }
            Optional<CheckoutStore.CheckoutRow> pending = store.lock(payment.checkoutId())
                    .filter(checkout -> checkout.status() == CheckoutStatus.PAYMENT_PENDING)
                    .filter(checkout -> payment.sessionId().equals(checkout.paymentSessionId()));
            if (pending.isEmpty()) {
                return;
            }
            switch (status) {
                // Paid but not completed (another amount, say): that payment is being refunded, and the checkout ends.
                case PaymentStatus.Paid paid -> close(pending.get(), CheckoutStatus.EXPIRED);
                case PaymentStatus.Open open -> {
                    Instant until = open.expiresAt().plus(settings.paymentGrace());
                    if (until.isAfter(Instant.now())) {
                        store.holdUntil(payment.checkoutId(), until);
                    } else {
                        close(pending.get(), CheckoutStatus.EXPIRED);
                    }
                }
                case PaymentStatus.Declined declined -> close(pending.get(), CheckoutStatus.FAILED);
                case PaymentStatus.Closed closed -> close(pending.get(), CheckoutStatus.EXPIRED);
            }
        });
    }

    private void complete(CheckoutStore.CheckoutRow checkout) {
        if (!reservations.sell(checkout.id())) {
            throw new IllegalStateException("Checkout " + checkout.id() + " is awaiting payment but holds no stock");
        }
        if (checkout.couponCode() != null) {
            coupons.redeemed(checkout.couponCode(), checkout.id());
        }
        List<CheckoutView.Line> lines = store.lines(checkout.id());
        UUID orderId = orders.place(new NewOrder(checkout.id(), checkout.shopperId(),
                lines.stream().map(line -> new OrderView.Line(line.productId(), line.name(), line.unitPrice(),
                        line.quantity(), line.lineTotal())).toList(),
                checkout.subtotal(), checkout.discount(), checkout.shippingMethod().name(), checkout.shipping(),
                checkout.total(), checkout.currency(), checkout.couponCode(), checkout.address()));
        carts.removePurchased(checkout.cartId(),
                lines.stream().collect(Collectors.toMap(CheckoutView.Line::productId, CheckoutView.Line::quantity)),
                checkout.couponCode());
        store.paid(checkout.id(), orderId);
        meters.paid();
    }

    /**
     * The shopper paid after the checkout had given its stock back (the provider's answer came
     * late). If the stock and coupon can still be had, the sale goes ahead; otherwise the
     * payment has to be refunded, which is recorded for the operator.
     */
    private void completeLate(CheckoutStore.CheckoutRow checkout, PaymentSucceeded paid) {
        List<StockRequest> wanted = store.lines(checkout.id()).stream()
                .map(line -> new StockRequest(line.productId(), line.quantity())).toList();
        boolean stockAgain = reservations.reserveAll(checkout.id(), wanted) instanceof Reservation.Reserved;
        boolean couponAgain = stockAgain && (checkout.couponCode() == null || coupons.claim(checkout.couponCode()));
        if (stockAgain && couponAgain) {
            complete(checkout);
            return;
        }
        if (stockAgain) {
            reservations.release(checkout.id());
        }
        refused(paid, PaymentAnomalies.Reason.ARRIVED_TOO_LATE, "a checkout awaiting payment", "a checkout "
                + checkout.status() + " whose " + (stockAgain ? "coupon" : "stock") + " can no longer be had");
    }

    private void refused(PaymentSucceeded paid, PaymentAnomalies.Reason reason, String expected, String arrived) {
        anomalies.record(paid, reason, expected, arrived);
        log.error("REFUND DUE: payment {} ({} {}, session {}) for checkout {} does not complete it ({}): expected {}, got {}",
                paid.eventId(), paid.amount(), paid.currency(), paid.sessionId(), paid.checkoutId(), reason, expected,
                arrived);
    }

    /** Gives the checkout's stock (and its coupon, when claimed) back; the caller holds its row's lock. */
    void close(CheckoutStore.CheckoutRow checkout, CheckoutStatus status) {
        reservations.release(checkout.id());
        if (checkout.couponClaimed() && checkout.couponCode() != null) {
            coupons.giveBack(checkout.couponCode());
            store.releaseCouponClaim(checkout.id());
        }
        store.setStatus(checkout.id(), status);
        meters.released(status);
    }

    private CheckoutOutcome stockConflict(ShopperId shopper, List<CartView.Line> selected, Reservation.Conflict conflict) {
        Map<Long, CartView.Line> byProduct = selected.stream()
                .collect(Collectors.toMap(CartView.Line::productId, Function.identity()));
        List<CheckoutOutcome.Unavailable> unavailable = conflict.shortfalls().stream()
                .map(shortfall -> {
                    CartView.Line line = byProduct.get(shortfall.productId());
                    return new CheckoutOutcome.Unavailable(line.id(), line.productId(), line.name(),
                            shortfall.requested(), Math.max(0, shortfall.available()));
                })
                .toList();
        CartView adjusted = carts.adjustToStock(shopper, unavailable.stream()
                .collect(Collectors.toMap(CheckoutOutcome.Unavailable::productId, CheckoutOutcome.Unavailable::available)));
        return new CheckoutOutcome.StockConflict(unavailable, adjusted);
    }

    private CheckoutView view(CheckoutStore.CheckoutRow checkout) {
        return view(checkout, store.lines(checkout.id()));
    }

    private static CheckoutView view(CheckoutStore.CheckoutRow checkout, List<CheckoutView.Line> lines) {
        int units = lines.stream().mapToInt(CheckoutView.Line::quantity).sum();
        return new CheckoutView(checkout.id(), checkout.status(), checkout.expiresAt(), lines,
                new CartView.Totals(units, units, checkout.subtotal(), checkout.discount(), checkout.shipping(),
                        checkout.total(), checkout.currency()),
                checkout.couponCode(), checkout.address(), checkout.shippingMethod(), checkout.status().isPayable(),
                checkout.orderId());
    }
}
