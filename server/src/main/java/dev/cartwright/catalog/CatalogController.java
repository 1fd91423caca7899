package dev.cartwright.catalog;

import dev.cartwright.platform.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController {

    static final int MAX_LIMIT = 100;

    private final Catalog catalog;
    private final ProductCursors cursors;

    CatalogController(Catalog catalog, ProductCursors cursors) {
        this.catalog = catalog;
        this.cursors = cursors;
    }

    @GetMapping("/api/products")
    ProductPage list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "" + Catalog.DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "") @Size(max = 100) @Pattern(regexp = "[^\\x00]*", message = "may not contain the NUL character") String q) {
        String query = q.strip();
        long afterId = 0;
        if (cursor != null && !cursor.isEmpty()) {
            OptionalLong last = cursors.read(cursor, query);
            if (last.isEmpty()) {
                throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR",
                        "This page link is not valid for this search. Start again from the first page."));
            }
            afterId = last.getAsLong();
        }
        return catalog.page(query, afterId, limit);
    }

    @GetMapping("/api/products/{id}")
    ProductView one(@PathVariable long id) {
        return catalog.product(id).orElseThrow(() -> Problems.failure(Problems.problem(
                HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "This product does not exist.")));
    }
}
