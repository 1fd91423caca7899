package dev.cartwright.checkout;

import dev.cartwright.cart.CartView;
import dev.cartwright.catalog.CatalogSettings;
import dev.cartwright.order.ShippingAddress;
import dev.cartwright.platform.Problems;
import dev.cartwright.shipping.ShippingMethod;
import dev.cartwright.shipping.ShippingProblems;
import dev.cartwright.shopper.ShopperId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckoutController {

    /** No {@code shippingMethod} ships STANDARD: clients from before shipping was chosen keep working. */
    record NewCheckout(@NotNull @Valid ShippingAddress shippingAddress, @Size(max = 64) @Nullable String couponCode,
            @Size(max = 32) @Nullable String shippingMethod) {}

    record PaymentMethod(@NotNull @Pattern(regexp = "card|paypal", message = "must be card or paypal") String method) {}

    record PaymentRedirect(URI redirectUrl) {}

    record CouponCode(@NotNull @Size(min = 1, max = 64) String code) {}

    private final Checkouts checkouts;
    private final StockRefusals refusals;
    private final String currency;
    private final CheckoutMeters meters;

    /** The body of a refusal for stock, as the API's document shows it (built in CheckoutProblems; ApiDocumentTest holds it to an answer). */
    @Schema(name = "StockConflictProblem")
    record StockConflictProblem(String code, int status, String detail, List<CheckoutOutcome.Unavailable> unavailable,
            CartView cart) {}

    CheckoutController(Checkouts checkouts, StockRefusals refusals, CatalogSettings catalog, CheckoutMeters meters) {
        this.checkouts = checkouts;
        this.refusals = refusals;
        this.currency = catalog.currency();
        this.meters = meters;
    }

    /** In a drop most checkouts are refused: the refusals are answers, not exceptions, which cost Spring MVC far more. */
    @PostMapping("/api/checkouts")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CheckoutView.class)))
    @ApiResponse(responseCode = "409", description = "Not everything is available (STOCK_CONFLICT); the cart was lowered to what is",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = StockConflictProblem.class)))
    ResponseEntity<Object> create(ShopperId shopper, @Valid @RequestBody NewCheckout body) {
        Optional<ShippingMethod> method = body.shippingMethod() == null ? Optional.of(ShippingMethod.STANDARD)
                : ShippingMethod.named(body.shippingMethod());
        if (method.isEmpty()) {
            meters.answered(CheckoutMeters.Outcome.UNKNOWN_SHIPPING_METHOD);
            return Problems.answer(ShippingProblems.unknownMethod(body.shippingMethod()));
        }
        CheckoutOutcome outcome = checkouts.create(shopper, body.shippingAddress(), method.get(), body.couponCode());
        meters.answered(switch (outcome) {
            case CheckoutOutcome.Created created -> CheckoutMeters.Outcome.RESERVED;
            case CheckoutOutcome.EmptySelection empty -> CheckoutMeters.Outcome.EMPTY_SELECTION;
            case CheckoutOutcome.CouponRefused refused -> CheckoutMeters.Outcome.COUPON_REFUSED;
            case CheckoutOutcome.StockConflict conflict -> CheckoutMeters.Outcome.STOCK_CONFLICT;
            case CheckoutOutcome.ReservationLimit limit -> CheckoutMeters.Outcome.RESERVATION_LIMIT;
        });
        return switch (outcome) {
            case CheckoutOutcome.Created created -> ResponseEntity
                    .created(URI.create("/api/checkouts/" + created.checkout().id()))
                    .body(created.checkout());
            case CheckoutOutcome.EmptySelection empty -> Problems.answer(CheckoutProblems.emptySelection());
            case CheckoutOutcome.CouponRefused refused ->
                    Problems.answer(CheckoutProblems.coupon(refused.code(), refused.refusal(), currency));
            case CheckoutOutcome.StockConflict conflict -> {
                // Counted as answered: a transaction that was refused and then ran again counts once.
                Instant now = Instant.now();
                conflict.unavailable().forEach(line -> refusals.refused(line.productId(), now));
                yield Problems.answer(CheckoutProblems.stockConflict(conflict));
            }
            case CheckoutOutcome.ReservationLimit limit -> Problems.answer(CheckoutProblems.reservationLimit(limit));
        };
    }

    @GetMapping("/api/checkouts/{id}")
    CheckoutView one(ShopperId shopper, @PathVariable UUID id) {
        return checkouts.find(shopper, id).orElseThrow(() -> Problems.failure(CheckoutProblems.notFound()));
    }

    @DeleteMapping("/api/checkouts/{id}")
    CheckoutView cancel(ShopperId shopper, @PathVariable UUID id) {
        Transition transition = checkouts.cancel(shopper, id);
        if (transition instanceof Transition.Cancelled cancelled) {
            return cancelled.checkout();
        }
        throw refusal(transition);
    }

    @PostMapping("/api/checkouts/{id}/payment")
    PaymentRedirect pay(ShopperId shopper, @PathVariable UUID id, @Valid @RequestBody PaymentMethod body) {
        Transition transition = checkouts.startPayment(shopper, id, body.method());
        if (transition instanceof Transition.PaymentStarted started) {
            return new PaymentRedirect(started.redirectUrl());
        }
        if (transition instanceof Transition.StockGone gone) {
            Instant now = Instant.now();
            gone.unavailable().forEach(line -> refusals.refused(line.productId(), now));
        }
        throw refusal(transition);
    }

    @PostMapping("/api/coupons/validate")
    CouponApplication.Applied validateCoupon(ShopperId shopper, @Valid @RequestBody CouponCode body) {
        String code = Coupons.normalize(body.code());
        return switch (checkouts.applyCoupon(shopper, code)) {
            case CouponApplication.Applied applied -> applied;
            case CouponCheck.Refused refused -> throw Problems.failure(CheckoutProblems.coupon(code, refused, currency));
        };
    }

    private static RuntimeException refusal(Transition transition) {
        return Problems.failure(switch (transition) {
            case Transition.NotFound notFound -> CheckoutProblems.notFound();
            case Transition.IllegalState illegal -> CheckoutProblems.illegalState(illegal);
            case Transition.CouponWithdrawn withdrawn -> CheckoutProblems.couponWithdrawn(withdrawn);
            case Transition.StockGone gone -> CheckoutProblems.stockGone(gone);
            case Transition.ReservationLimited limited -> CheckoutProblems.reservationLimit(limited.limit());
            case Transition.PaymentStarted started -> throw new IllegalArgumentException("Not a refusal");
            case Transition.Cancelled cancelled -> throw new IllegalArgumentException("Not a refusal");
        });
    }
}
