package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** The problem each refused cart change answers, worded for the shopper. */
@Component
class CartProblems {

    ProblemDetail of(CartChange refusal) {
        return switch (refusal) {
            case CartChange.Applied applied -> throw new IllegalArgumentException("An applied change is no problem");
            case CartChange.VersionMismatch mismatch -> {
                ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_FAILED, "VERSION_MISMATCH",
                        "Your cart changed in the meantime. Here is how it looks now.");
                problem.setProperty("cart", mismatch.cart());
                yield problem;
            }
            case CartChange.LineNotFound notFound -> Problems.problem(HttpStatus.NOT_FOUND, "CART_ITEM_NOT_FOUND",
                    "This item is no longer in your cart.");
            case CartChange.UnknownProduct unknown -> {
                ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PRODUCT",
                        "This product does not exist.");
                problem.setProperty("productId", unknown.productId());
                yield problem;
            }
            case CartChange.InsufficientStock stock -> {
                ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "INSUFFICIENT_STOCK", stockDetail(stock));
                problem.setProperty("productId", stock.productId());
                problem.setProperty("requested", stock.requested());
                problem.setProperty("available", stock.available());
                problem.setProperty("inCart", stock.inCart());
                yield problem;
            }
            case CartChange.LineQuantityLimit limit -> {
                ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "LINE_QUANTITY_LIMIT",
                        "You can have at most " + limit.limit() + " of one product in your cart"
                                + (limit.inCart() > 0 ? "; it already has " + limit.inCart() + "." : "."));
                problem.setProperty("productId", limit.productId());
                problem.setProperty("limit", limit.limit());
                problem.setProperty("inCart", limit.inCart());
                yield problem;
            }
            case CartChange.LineLimit limit -> {
                ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "CART_LINE_LIMIT",
                        "Your cart can hold at most " + limit.limit() + " different products. Remove one to add another.");
                problem.setProperty("limit", limit.limit());
                yield problem;
            }
        };
    }

    private static String stockDetail(CartChange.InsufficientStock stock) {
        if (stock.available() <= 0) {
            return stock.name() + " is sold out.";
        }
        String left = "Only " + stock.available() + " of " + stock.name() + " left";
        return stock.inCart() > 0 ? left + ", and your cart already has " + stock.inCart() + "." : left + ".";
    }
}
