package dev.cartwright.cart;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cart's refusals that carry more than a problem's members, as the API's document shows them
 * (built in {@link CartProblems}; ApiDocumentTest holds each to a real answer).
 */
final class CartRefusals {

    private CartRefusals() {}

    @Schema(name = "InsufficientStockProblem", description = "409 INSUFFICIENT_STOCK: not that many are left")
    record InsufficientStock(String code, int status, String detail, long productId, int requested, int available,
            int inCart) {}

    @Schema(name = "VersionMismatchProblem", description = "412 VERSION_MISMATCH: the cart moved on since If-Match's version")
    record VersionMismatch(String code, int status, String detail, CartView cart) {}

    /** A change of a line's quantity may find too few units. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", description = "Not that many are left (INSUFFICIENT_STOCK)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = InsufficientStock.class)))
    @interface QuantityRefusal {}

    /** Any change with If-Match may find the cart moved on. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "412", description = "The cart changed since that version (VERSION_MISMATCH)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = VersionMismatch.class)))
    @interface VersionRefusal {}
}
