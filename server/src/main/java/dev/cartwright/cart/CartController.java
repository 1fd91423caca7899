package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.ShopperId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cart API. Every answer is the whole cart, with its version also in the ETag. */
@RestController
@RequestMapping("/api/cart")
class CartController {

    record AddItem(@NotNull Long productId, @NotNull @Min(1) Integer quantity) {}

    record SetQuantity(@NotNull @Min(1) Integer quantity) {}

    record Selection(@NotNull Boolean selected) {}

    private final Carts carts;
    private final CartLimits limits;
    private final CartProblems problems;
    private final CartChangeMeter meter;

    CartController(Carts carts, CartLimits limits, CartProblems problems, CartChangeMeter meter) {
        this.carts = carts;
        this.limits = limits;
        this.problems = problems;
        this.meter = meter;
    }

    @GetMapping
    ResponseEntity<CartView> cart(ShopperId shopper) {
        return answer(carts.view(shopper));
    }

    @PostMapping("/items")
    @CartRefusals.QuantityRefusal
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> add(ShopperId shopper, @Valid @RequestBody AddItem body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        checkQuantity(body.quantity());
        return answer(carts.add(shopper, body.productId(), body.quantity(), CartVersions.fromIfMatch(ifMatch)));
    }

    @PutMapping("/items/{id}")
    @CartRefusals.QuantityRefusal
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> setQuantity(ShopperId shopper, @PathVariable long id, @Valid @RequestBody SetQuantity body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        checkQuantity(body.quantity());
        return answer(carts.setQuantity(shopper, id, body.quantity(), CartVersions.fromIfMatch(ifMatch)));
    }

    @PatchMapping("/items/{id}")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> select(ShopperId shopper, @PathVariable long id, @Valid @RequestBody Selection body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.select(shopper, id, body.selected(), CartVersions.fromIfMatch(ifMatch)));
    }

    /** The absolute form of adding and of every quantity change: the product's line ends at this quantity. */
    @PutMapping("/products/{productId}")
    @CartRefusals.QuantityRefusal
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> setProductQuantity(ShopperId shopper, @PathVariable long productId,
            @Valid @RequestBody SetQuantity body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        checkQuantity(body.quantity());
        return answer(carts.setProductQuantity(shopper, productId, body.quantity(), CartVersions.fromIfMatch(ifMatch)));
    }

    @PatchMapping("/products/{productId}")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> selectProduct(ShopperId shopper, @PathVariable long productId, @Valid @RequestBody Selection body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.selectProduct(shopper, productId, body.selected(), CartVersions.fromIfMatch(ifMatch)));
    }

    /** Removing a product the cart does not hold answers the cart as it is: the shopper's wish already holds. */
    @DeleteMapping("/products/{productId}")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> removeProduct(ShopperId shopper, @PathVariable long productId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.removeProduct(shopper, productId, CartVersions.fromIfMatch(ifMatch)));
    }

    @PatchMapping("/selection")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> selectAll(ShopperId shopper, @Valid @RequestBody Selection body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.selectAll(shopper, body.selected(), CartVersions.fromIfMatch(ifMatch)));
    }

    @DeleteMapping("/items/{id}")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> remove(ShopperId shopper, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.remove(shopper, id, CartVersions.fromIfMatch(ifMatch)));
    }

    @DeleteMapping("/coupon")
    @CartRefusals.VersionRefusal
    ResponseEntity<CartView> removeCoupon(ShopperId shopper,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return answer(carts.removeCoupon(shopper, CartVersions.fromIfMatch(ifMatch)));
    }

    /** The upper bound is configuration, so it is checked here rather than by an annotation. */
    private void checkQuantity(int quantity) {
        if (quantity > limits.maxQuantityPerLine()) {
            throw Problems.failure(Problems.validationFailed(List.of(new Problems.FieldProblem(
                    "quantity", "must be between 1 and " + limits.maxQuantityPerLine()))));
        }
    }

    private ResponseEntity<CartView> answer(CartChange change) {
        if (change instanceof CartChange.Applied applied) {
            meter.applied();
            return answer(applied.cart());
        }
        ProblemDetail problem = problems.of(change);
        meter.refused(String.valueOf(problem.getProperties().get("code")));
        throw Problems.failure(problem);
    }

    private static ResponseEntity<CartView> answer(CartView cart) {
        return ResponseEntity.ok().eTag(CartVersions.etag(cart.version())).body(cart);
    }
}
