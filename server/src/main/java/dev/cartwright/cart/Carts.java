package dev.cartwright.cart;

import dev.cartwright.catalog.CatalogSettings;
import dev.cartwright.catalog.Product;
import dev.cartwright.catalog.Products;
import dev.cartwright.inventory.StockLevels;
import dev.cartwright.shopper.ShopperId;
import dev.cartwright.shopper.Shoppers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The shoppers' carts. Every change locks the cart, checks everything first and writes only
 * when the change is allowed, so a refused change leaves the cart exactly as it was.
 * {@code expectedVersion} (from If-Match) makes a change conditional; null means unconditional.
 */
@Service
public class Carts {

    private final CartStore store;
    private final Products products;
    private final StockLevels stock;
    private final CartLimits limits;
    private final String currency;
    private final ApplicationEventPublisher events;
    private final Shoppers shoppers;
    private final SharingStore sharing;

    Carts(CartStore store, Products products, StockLevels stock, CartLimits limits, CatalogSettings catalog,
            ApplicationEventPublisher events, Shoppers shoppers, SharingStore sharing) {
        this.sharing = sharing;
        this.events = events;
        this.shoppers = shoppers;
        this.store = store;
        this.products = products;
        this.stock = stock;
        this.limits = limits;
        this.currency = catalog.currency();
    }

    /**
     * Reading a cart writes nothing: a guest who has changed nothing sees the empty cart they will
     * have. A view is one statement, so a version is never shown with the lines of the next one.
     */
    public CartView view(ShopperId shopper) {
        return store.shown(shopper).map(shown -> view(shown.cart(), shown.contents())).orElseGet(() -> emptyCart(shopper));
    }

    /**
     * The id of the shopper's own cart, known before the cart exists, so that the empty cart a
     * guest is shown and the cart their first change makes are one cart to every screen.
     */
    static UUID ownCartId(ShopperId shopper) {
        return UUID.nameUUIDFromBytes(("cart:" + shopper).getBytes(StandardCharsets.US_ASCII));
    }

    private CartView emptyCart(ShopperId shopper) {
        return new CartView(ownCartId(shopper), 0, List.of(), Pricing.totals(List.of(), currency, null), null, null, 1);
    }

    /** The shopper's cart, locked; their first change makes their row and their cart. */
    CartStore.CartRow lockedCart(ShopperId shopper) {
        return store.lock(shopper).orElseGet(() -> {
            shoppers.enroll(shopper);
            store.create(shopper);
            return store.lock(shopper).orElseThrow();
        });
    }

    @Transactional
    public CartChange add(ShopperId shopper, long productId, int quantity, @Nullable Long expectedVersion) {
        return change(shopper, expectedVersion, cart -> {
            Optional<Product> product = products.byId(productId);
            if (product.isEmpty()) {
                return new CartChange.UnknownProduct(productId);
            }
            List<CartStore.LineRow> lines = store.lines(cart.id());
            int inCart = lines.stream().filter(line -> line.productId() == productId)
                    .mapToInt(CartStore.LineRow::quantity).sum();
            int target = inCart + quantity;
            if (inCart == 0 && lines.size() >= limits.maxLines()) {
                return new CartChange.LineLimit(limits.maxLines());
            }
            if (target > limits.maxQuantityPerLine()) {
                return new CartChange.LineQuantityLimit(productId, limits.maxQuantityPerLine(), inCart);
            }
            int available = stock.available(productId);
            if (target > available) {
                return new CartChange.InsufficientStock(productId, product.get().name(), target, available, inCart);
            }
            store.addLine(cart.id(), productId, target);
            return null;
        });
    }

    @Transactional
    public CartChange setQuantity(ShopperId shopper, long lineId, int quantity, @Nullable Long expectedVersion) {
        return changeLine(shopper, lineId, expectedVersion, line -> {
            if (quantity > limits.maxQuantityPerLine()) {
                return new CartChange.LineQuantityLimit(line.productId(), limits.maxQuantityPerLine(), line.quantity());
            }
            // Lowering is always allowed; only raising asks the stock.
            if (quantity > line.quantity()) {
                int available = stock.available(line.productId());
                if (quantity > available) {
                    String name = products.byId(line.productId()).map(Product::name).orElse("this product");
                    return new CartChange.InsufficientStock(line.productId(), name, quantity, available, line.quantity());
                }
            }
            store.setQuantity(line.id(), quantity);
            return null;
        });
    }

    /**
     * Sets the quantity of the product's line, making the line when there is none: the absolute
     * form of every quantity change, so that sending it twice, or a later one instead, is harmless.
     */
    @Transactional
    public CartChange setProductQuantity(ShopperId shopper, long productId, int quantity, @Nullable Long expectedVersion) {
        Optional<CartStore.QuantityChange> decided = store.setProductQuantity(shopper, productId, quantity, expectedVersion, limits);
        if (decided.isEmpty()) {
            return firstChange(shopper, productId, quantity, expectedVersion);
        }
        CartStore.QuantityChange change = decided.get();
        CartView cart = view(change.cart(), change.contents());
        return switch (change.verdict()) {
            case APPLIED -> {
                events.publishEvent(new CartChanged(cart.id()));
                yield new CartChange.Applied(cart);
            }
            case VERSION_MISMATCH -> new CartChange.VersionMismatch(cart);
            case UNKNOWN_PRODUCT -> new CartChange.UnknownProduct(productId);
            case LINE_LIMIT -> new CartChange.LineLimit(limits.maxLines());
            case LINE_QUANTITY_LIMIT -> new CartChange.LineQuantityLimit(productId, limits.maxQuantityPerLine(), change.inCart());
            case INSUFFICIENT_STOCK -> new CartChange.InsufficientStock(productId, Objects.requireNonNull(change.productName()),
                    quantity, change.available(), change.inCart());
            case SEEN_OLDER -> throw new IllegalStateException("CartStore runs a change seen older again");
        };
    }

    /** The change when the statement found no cart: a guest's first change makes it, or, in a race, finds it made. */
    private CartChange firstChange(ShopperId shopper, long productId, int quantity, @Nullable Long expectedVersion) {
        return change(shopper, expectedVersion, cart -> {
            Optional<Product> product = products.byId(productId);
            if (product.isEmpty()) {
                return new CartChange.UnknownProduct(productId);
            }
            List<CartStore.LineRow> lines = store.lines(cart.id());
            Optional<CartStore.LineRow> line = lines.stream().filter(row -> row.productId() == productId).findFirst();
            int inCart = line.map(CartStore.LineRow::quantity).orElse(0);
            if (line.isEmpty() && lines.size() >= limits.maxLines()) {
                return new CartChange.LineLimit(limits.maxLines());
            }
            if (quantity > limits.maxQuantityPerLine()) {
                return new CartChange.LineQuantityLimit(productId, limits.maxQuantityPerLine(), inCart);
            }
            if (quantity > inCart) {
                int available = stock.available(productId);
                if (quantity > available) {
                    return new CartChange.InsufficientStock(productId, product.get().name(), quantity, available, inCart);
                }
            }
            if (line.isPresent()) {
                store.setQuantity(line.get().id(), quantity);
            } else {
                store.addLine(cart.id(), productId, quantity);
            }
            return null;
        });
    }

    /** Selects or deselects the product's line. */
    @Transactional
    public CartChange selectProduct(ShopperId shopper, long productId, boolean selected, @Nullable Long expectedVersion) {
        return changeProductLine(shopper, productId, expectedVersion, line -> {
            store.select(line.id(), selected);
            return null;
        });
    }

    /** Removes the product's line; a cart without one is already as asked, and stays as it is. */
    @Transactional
    public CartChange removeProduct(ShopperId shopper, long productId, @Nullable Long expectedVersion) {
        return change(shopper, expectedVersion, cart -> {
            Optional<CartStore.LineRow> line = store.lineOfProduct(cart.id(), productId);
            if (line.isEmpty()) {
                return new CartChange.Applied(view(cart));
            }
            store.remove(line.get().id());
            return null;
        });
    }

    @Transactional
    public CartChange select(ShopperId shopper, long lineId, boolean selected, @Nullable Long expectedVersion) {
        return changeLine(shopper, lineId, expectedVersion, line -> {
            store.select(line.id(), selected);
            return null;
        });
    }

    /** One statement changes every line, so the selection changes all at once or not at all. */
    @Transactional
    public CartChange selectAll(ShopperId shopper, boolean selected, @Nullable Long expectedVersion) {
        return change(shopper, expectedVersion, cart ->
                store.selectAll(cart.id(), selected) == 0 ? new CartChange.Applied(view(cart)) : null);
    }

    @Transactional
    public CartChange remove(ShopperId shopper, long lineId, @Nullable Long expectedVersion) {
        return changeLine(shopper, lineId, expectedVersion, line -> {
            store.remove(line.id());
            return null;
        });
    }

    /** Attaches a coupon's terms, which checkout has validated; the cart prices itself with them. */
    @Transactional
    public CartView applyCoupon(ShopperId shopper, Pricing.Discount coupon) {
        CartStore.CartRow cart = lockedCart(shopper);
        store.setCoupon(cart.id(), coupon);
        changed(cart.id());
        return view(new CartStore.CartRow(cart.id(), cart.version() + 1, coupon));
    }

    /** Takes the coupon off; a cart without one (or no cart yet) is already as asked. */
    @Transactional
    public CartChange removeCoupon(ShopperId shopper, @Nullable Long expectedVersion) {
        Optional<CartStore.CartRow> locked = store.lock(shopper);
        CartView current = locked.map(this::view).orElseGet(() -> emptyCart(shopper));
        if (expectedVersion != null && expectedVersion != current.version()) {
            return new CartChange.VersionMismatch(current);
        }
        if (locked.isEmpty() || locked.get().coupon() == null) {
            return new CartChange.Applied(current);
        }
        CartStore.CartRow cart = locked.get();
        store.setCoupon(cart.id(), null);
        changed(cart.id());
        return new CartChange.Applied(view(new CartStore.CartRow(cart.id(), cart.version() + 1, null)));
    }

    /**
     * Lowers lines to what is available and removes those with nothing left, after a checkout
     * could not reserve them. {@code available} maps product ids to units available.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CartView adjustToStock(ShopperId shopper, Map<Long, Integer> available) {
        CartStore.CartRow cart = lockedCart(shopper);
        store.lowerToAvailable(cart.id(), available);
        events.publishEvent(new CartChanged(cart.id()));
        return view(cart.next());
    }

    /**
     * The guest's own cart joins the account's own cart, both locked in cart-id order: each line's
     * units are added to the account's and capped at the line maximum and at what is available
     * (a line the account already holds is never lowered), and a line that would pass the cart's
     * line limit is left out. The guest's cart is emptied. Only the guest's own cart merges: a
     * shared cart the guest had joined is left (its members see one fewer), and those who joined
     * the guest's cart keep it, emptied; its links are withdrawn, since no one can manage them
     * any more (the guest is the account now, whose own cart is another). The account's cart gets a new version even when nothing
     * moved, so every screen of the account is shown it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CartMerge merge(ShopperId guest, ShopperId account) {
        UUID from = ownCartId(guest);
        UUID into = ownCartId(account);
        store.create(account);
        store.lockInIdOrder(from.compareTo(into) < 0 ? List.of(from, into) : List.of(into, from));
        sharing.leave(guest).ifPresent(left -> events.publishEvent(new CartChanged(left)));
        List<CartStore.MergeLine> lines = store.mergeLines(from, into);
        Map<Long, CartStore.MergeLine> held = lines.stream().filter(line -> line.cartId().equals(into))
                .collect(Collectors.toMap(CartStore.MergeLine::productId, Function.identity()));
        List<CartStore.MergeLine> guestLines = lines.stream().filter(line -> line.cartId().equals(from)).toList();
        List<CartStore.MergeLine> written = new ArrayList<>();
        List<CartMerge.Capped> capped = new ArrayList<>();
        int lineCount = held.size();
        for (CartStore.MergeLine line : guestLines) {
            CartStore.MergeLine already = held.get(line.productId());
            int inAccount = already == null ? 0 : already.quantity();
            int requested = inAccount + line.quantity();
            boolean room = already != null || lineCount < limits.maxLines();
            int kept = room ? Math.max(inAccount, Math.min(requested, Math.min(limits.maxQuantityPerLine(), line.available()))) : 0;
            if (kept > inAccount) {
                written.add(new CartStore.MergeLine(into, line.productId(), line.name(), kept,
                        already == null ? line.selected() : already.selected(), line.available()));
                lineCount += already == null ? 1 : 0;
            }
            if (kept < requested) {
                capped.add(new CartMerge.Capped(line.productId(), line.name(), requested, kept));
            }
        }
        store.writeMerged(into, written);
        sharing.revokeAll(from);
        changed(into);
        if (!guestLines.isEmpty()) {
            store.empty(from);
            events.publishEvent(new CartChanged(from));
        }
        return new CartMerge(view(into).orElseThrow(), List.copyOf(capped));
    }

    /** Locks a cart a payment will take units from, first, as the one lock order has it (cart, checkout, stock, coupon). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForPurchase(UUID cartId) {
        store.lock(cartId);
    }

    /** After payment: the bought units leave the cart, and the redeemed coupon with them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removePurchased(UUID cartId, Map<Long, Integer> purchased, @Nullable String redeemedCoupon) {
        CartStore.CartRow cart = store.lock(cartId).orElseThrow();
        purchased.forEach((productId, quantity) -> store.removePurchased(cartId, productId, quantity));
        if (redeemedCoupon != null && cart.coupon() != null && redeemedCoupon.equals(cart.coupon().code())) {
            store.setCoupon(cartId, null);
        }
        changed(cartId);
    }

    /**
     * Runs {@code edit} on the locked cart. The edit answers null when it has made its change,
     * or else the outcome (a refusal, or the cart as it was when it already is as asked), in
     * which case it must not have written anything.
     */
    private CartChange change(ShopperId shopper, @Nullable Long expectedVersion,
            Function<CartStore.CartRow, @Nullable CartChange> edit) {
        Optional<CartStore.CartRow> existing = store.lock(shopper);
        if (existing.isPresent()) {
            return change(existing.get(), expectedVersion, edit);
        }
        // A guest's first change makes their cart; one that changes nothing leaves no rows behind.
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object beforeCart = transaction.createSavepoint();
        CartChange outcome = change(lockedCart(shopper), expectedVersion, edit);
        if (outcome instanceof CartChange.Applied applied && applied.cart().version() > 0) {
            transaction.releaseSavepoint(beforeCart);
            return outcome;
        }
        transaction.rollbackToSavepoint(beforeCart);
        return switch (outcome) {
            case CartChange.Applied unchanged -> new CartChange.Applied(emptyCart(shopper));
            case CartChange.VersionMismatch mismatch -> new CartChange.VersionMismatch(emptyCart(shopper));
            default -> outcome;
        };
    }

    private CartChange change(CartStore.CartRow cart, @Nullable Long expectedVersion,
            Function<CartStore.CartRow, @Nullable CartChange> edit) {
        if (expectedVersion != null && expectedVersion != cart.version()) {
            return new CartChange.VersionMismatch(view(cart));
        }
        CartChange refusal = edit.apply(cart);
        if (refusal != null) {
            return refusal;
        }
        changed(cart.id());
        return new CartChange.Applied(view(cart.next()));
    }

    private CartChange changeProductLine(ShopperId shopper, long productId, @Nullable Long expectedVersion,
            Function<CartStore.LineRow, @Nullable CartChange> edit) {
        return change(shopper, expectedVersion, cart -> {
            Optional<CartStore.LineRow> line = store.lineOfProduct(cart.id(), productId);
            return line.isPresent() ? edit.apply(line.get()) : new CartChange.LineNotFound();
        });
    }

    private CartChange changeLine(ShopperId shopper, long lineId, @Nullable Long expectedVersion,
            Function<CartStore.LineRow, @Nullable CartChange> edit) {
        return change(shopper, expectedVersion, cart -> {
            Optional<CartStore.LineRow> line = store.line(cart.id(), lineId);
            return line.isPresent() ? edit.apply(line.get()) : new CartChange.LineNotFound();
        });
    }

    private void changed(UUID cartId) {
        store.bump(cartId);
        events.publishEvent(new CartChanged(cartId));
    }

    /** A cart by its id, for those who push it to every screen that shows it; one statement, like every view. */
    public Optional<CartView> view(UUID cartId) {
        return store.shown(cartId).map(shown -> view(shown.cart(), shown.contents()));
    }

    private CartView view(CartStore.CartRow cart) {
        return view(cart, store.contents(cart.id()));
    }

    private CartView view(CartStore.CartRow cart, CartStore.Contents contents) {
        List<CartView.Line> lines = contents.lines().stream().map(line -> new CartView.Line(line.id(), line.productId(),
                line.name(), line.unitPrice(), line.quantity(), line.selected(), line.available(),
                Pricing.lineTotal(line.unitPrice(), line.quantity()))).toList();
        CartView.Totals totals = Pricing.totals(
                lines.stream().map(line -> new Pricing.PricedLine(line.unitPrice(), line.quantity(), line.selected())).toList(),
                currency, cart.coupon());
        return new CartView(cart.id(), cart.version(), lines, totals, cart.coupon() == null ? null : cart.coupon().code(),
                cart.coupon(), contents.members());
    }

    /**
     * The selected lines of the shopper's cart in one plain read, without a lock: enough to see
     * that a checkout plainly cannot be had. Act on it only through {@link #lockSelection}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CartView.Line> selectedLines(ShopperId shopper) {
        return selected(view(shopper));
    }

    /** The cart, locked until the caller's transaction ends, and what of it is selected: what a checkout reserves. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CheckoutSelection lockSelection(ShopperId shopper) {
        Optional<CartStore.CartRow> locked = store.lock(shopper);
        if (locked.isEmpty()) {
            return new CheckoutSelection(ownCartId(shopper), List.of(), Pricing.totals(List.of(), currency, null), null);
        }
        CartStore.CartRow cart = locked.get();
        List<CartView.Line> lines = selected(view(cart));
        return new CheckoutSelection(cart.id(), lines, Pricing.totals(lines.stream()
                .map(line -> new Pricing.PricedLine(line.unitPrice(), line.quantity(), true)).toList(), currency,
                cart.coupon()), cart.coupon());
    }

    private static List<CartView.Line> selected(CartView cart) {
        return cart.items().stream().filter(CartView.Line::selected).toList();
    }
}
