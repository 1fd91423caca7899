package dev.cartwright.checkout;

import dev.cartwright.platform.Money;
import dev.cartwright.platform.Problems;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems refused checkouts and coupons answer, worded for the shopper. */
final class CheckoutProblems {

    private CheckoutProblems() {}

    static ProblemDetail emptySelection() {
        return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "EMPTY_SELECTION",
                "Select at least one item in your cart to check out.");
    }

    static ProblemDetail notFound() {
        return Problems.problem(HttpStatus.NOT_FOUND, "CHECKOUT_NOT_FOUND", "There is no such checkout of yours.");
    }

    static ProblemDetail coupon(String code, CouponCheck.Refused refused, String currency) {
        String detail = switch (refused.reason()) {
            case UNKNOWN -> "There is no coupon " + code + ". Check the spelling.";
            case EXPIRED -> "The coupon " + code + " has expired.";
            case USED_UP -> "The coupon " + code + " has been used up.";
            case MINIMUM_NOT_MET -> "The coupon " + code + " needs selected items worth at least "
                    + Money.format(refused.minimumSubtotal(), currency) + ".";
        };
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "COUPON_" + refused.reason().name(), detail);
        problem.setProperty("couponCode", code);
        if (refused.reason() == CouponCheck.Reason.MINIMUM_NOT_MET) {
            problem.setProperty("minimumSubtotal", refused.minimumSubtotal());
        }
        return problem;
    }

    static ProblemDetail stockConflict(CheckoutOutcome.StockConflict conflict) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "STOCK_CONFLICT",
                "Not everything is available any more: " + shortLines(conflict.unavailable())
                        + ". We have updated your cart to what is left; check it and try again. Nothing was reserved.");
        problem.setProperty("unavailable", conflict.unavailable());
        problem.setProperty("cart", conflict.cart());
        return problem;
    }

    static ProblemDetail reservationLimit(CheckoutOutcome.ReservationLimit limit) {
        ProblemDetail problem = switch (limit) {
            case CheckoutOutcome.TooManyCheckouts checkouts -> {
                ProblemDetail tooMany = Problems.problem(HttpStatus.CONFLICT, "RESERVATION_LIMIT",
                        "You already have " + checkouts.openCheckouts().size() + " checkouts waiting for payment, the most "
                                + "one shopper may have. Pay for one of them or cancel it, then check out again. "
                                + "Nothing was reserved.");
                tooMany.setProperty("limit", checkouts.limit());
                yield tooMany;
            }
            case CheckoutOutcome.TooManyUnits units -> {
                ProblemDetail tooMany = Problems.problem(HttpStatus.CONFLICT, "RESERVATION_LIMIT",
                        "Your other checkouts already hold " + units.held() + " of " + units.name() + "; with "
                                + units.requested() + " more you would hold more than the " + units.limit()
                                + " one shopper may. Pay for or cancel a checkout, or lower the quantity, then check out "
                                + "again. Nothing was reserved.");
                tooMany.setProperty("limit", units.limit());
                tooMany.setProperty("productId", units.productId());
                tooMany.setProperty("held", units.held());
                tooMany.setProperty("requested", units.requested());
                yield tooMany;
            }
        };
        problem.setProperty("openCheckouts", limit.openCheckouts());
        return problem;
    }

    /** Paying again after a decline, when the stock is gone meanwhile: the cart is left as it is. */
    static ProblemDetail stockGone(Transition.StockGone gone) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "STOCK_CONFLICT",
                "Since your payment was declined, some items were sold: " + shortLines(gone.unavailable())
                        + ". Nothing was charged or reserved; go back to your cart to check out what is left.");
        problem.setProperty("unavailable", gone.unavailable());
        return problem;
    }

    private static String shortLines(List<CheckoutOutcome.Unavailable> unavailable) {
        return unavailable.stream()
                .map(line -> line.available() == 0 ? line.name() + " (sold out)"
                        : line.name() + " (only " + line.available() + " left)")
                .collect(Collectors.joining(", "));
    }

    static ProblemDetail illegalState(Transition.IllegalState illegal) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "ILLEGAL_STATE",
                "This checkout is " + illegal.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ", so you cannot " + illegal.attempted() + " it.");
        problem.setProperty("status", illegal.status());
        return problem;
    }

    static ProblemDetail couponWithdrawn(Transition.CouponWithdrawn withdrawn) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "COUPON_WITHDRAWN",
                "The coupon " + withdrawn.code() + " was used up or expired before your payment began. Your total is now "
                        + Money.format(withdrawn.checkout().totals().total(), withdrawn.checkout().totals().currency()) + "; start the payment again to pay it.");
        problem.setProperty("checkout", withdrawn.checkout());
        return problem;
    }
}
