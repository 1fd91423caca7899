package dev.cartwright.catalog;

import dev.cartwright.platform.Problems;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves the demo products' pictures, drawn on request, so the store needs no outside images. */
@RestController
class DemoImages {

    private final DemoCatalog catalog;

    DemoImages(DemoCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(path = "/images/demo/{sku}.svg", produces = "image/svg+xml")
    ResponseEntity<String> image(@PathVariable String sku) {
        return catalog.entry(sku)
                .map(entry -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                        .body(ProductArt.svg(entry.sku(), entry.name(), entry.motif())))
                .orElseThrow(() -> Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "There is nothing at this address.")));
    }
}
