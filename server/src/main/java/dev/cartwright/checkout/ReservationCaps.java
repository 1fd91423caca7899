package dev.cartwright.checkout;

import dev.cartwright.cart.CartLimits;
import dev.cartwright.cart.CartView;
import dev.cartwright.shopper.ShopperId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How much stock one shopper may hold unpaid: a few open checkouts, and of one product no more
 * than a cart line may have. Without this, one shopper could check out, start paying, check out
 * again and so keep a scarce product from everyone else until the reservations expire.
 */
@Component
class ReservationCaps {

    private final CheckoutStore store;
    private final int maxOpenCheckouts;
    private final int maxUnitsPerProduct;

    ReservationCaps(CheckoutStore store, CheckoutSettings settings, CartLimits cartLimits) {
        this.store = store;
        this.maxOpenCheckouts = settings.maxOpenCheckouts();
        this.maxUnitsPerProduct = cartLimits.maxQuantityPerLine();
    }

    /**
     * Whether checking out {@code selected} would take the shopper over a cap, given what they
     * hold ({@link CheckoutStore#openHoldings}). The checkouts the new one replaces give their
     * stock back, so they are not counted. Runs under {@link CheckoutStore#lockShopper}, so no
     * other checkout of the shopper's is counting at once.
     */
    Optional<CheckoutOutcome.ReservationLimit> exceededBy(List<CheckoutStore.Holding> holdings, Collection<UUID> replaced,
            List<CartView.Line> selected) {
        return exceeded(holdings, replaced, selected.stream()
                .map(line -> new Wanted(line.productId(), line.name(), line.quantity())).toList());
    }

    /** Whether holding a declined checkout's lines again would take the shopper over a cap. */
    Optional<CheckoutOutcome.ReservationLimit> exceededAgainBy(ShopperId shopper, List<CheckoutView.Line> lines) {
        return exceeded(store.openHoldings(shopper.value()), List.of(), lines.stream()
                .map(line -> new Wanted(line.productId(), line.name(), line.quantity())).toList());
    }

    /** Whether a shopper holding {@code held} would pass a cap by holding a checkout's {@code lines} as well. */
    boolean wouldExceed(List<CheckoutStore.Holding> held, List<CheckoutStore.Holding> lines) {
        return exceeded(held, List.of(), lines.stream()
                .map(line -> new Wanted(line.productId(), "", line.quantity())).toList()).isPresent();
    }

    /** Units of a product a checkout would hold. */
    private record Wanted(long productId, String name, int quantity) {}

    private Optional<CheckoutOutcome.ReservationLimit> exceeded(List<CheckoutStore.Holding> holdings,
            Collection<UUID> replaced, List<Wanted> selected) {
        List<CheckoutStore.Holding> held = holdings.stream()
                .filter(holding -> !replaced.contains(holding.checkoutId()))
                .toList();
        List<UUID> open = held.stream().map(CheckoutStore.Holding::checkoutId).distinct().toList();
        if (open.size() >= maxOpenCheckouts) {
            return Optional.of(new CheckoutOutcome.TooManyCheckouts(maxOpenCheckouts, open));
        }
        Map<Long, Integer> units = held.stream().collect(Collectors.groupingBy(CheckoutStore.Holding::productId,
                Collectors.summingInt(CheckoutStore.Holding::quantity)));
        return selected.stream()
                .filter(line -> units.getOrDefault(line.productId(), 0) + line.quantity() > maxUnitsPerProduct)
                .findFirst()
                .map(line -> new CheckoutOutcome.TooManyUnits(line.productId(), line.name(),
                        units.getOrDefault(line.productId(), 0), line.quantity(), maxUnitsPerProduct, open));
    }
}
