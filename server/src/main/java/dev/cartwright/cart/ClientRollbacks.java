package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storefront reports what the shop cannot see: how many optimistic cart changes it showed
 * ({@code cartwright.client.changes}) and how many it had to take back because the shop refused
 * them ({@code cartwright.client.rollbacks}, by the refusal's code), so that the rollback rate is
 * measured. Only the counts are kept, nothing of the shopper; codes outside the cart's own are
 * counted as OTHER, so the series stay bounded whatever a client sends.
 */
@RestController
class ClientRollbacks {

    static final int MAX_BYTES = 1024;
    /** More than a page makes between two reports (10 s apart); the storefront sends the rest later. */
    static final int MAX_COUNT = 1_000;
    /** What a cart change can be refused with; anything else is OTHER. */
    static final List<String> CODES = List.of("INSUFFICIENT_STOCK", "VERSION_MISMATCH", "LINE_QUANTITY_LIMIT",
            "CART_LINE_LIMIT", "CART_ITEM_NOT_FOUND", "UNKNOWN_PRODUCT", "VALIDATION_FAILED", "IDEMPOTENCY_KEY_REUSED",
            "FOREIGN_ORIGIN", "OTHER");

    /** Counts since the client's last report: the changes it made, and the rollbacks by code. */
    record RollbackReport(@NotNull @Min(0) @Max(MAX_COUNT) Integer changes,
            @NotNull @Size(max = 20) Map<@Size(min = 1, max = 64) String, @NotNull @Min(0) @Max(MAX_COUNT) Integer> rollbacks) {}

    private final Counter changes;
    private final Map<String, Counter> rollbacks = new HashMap<>();

    ClientRollbacks(MeterRegistry meters) {
        this.changes = Counter.builder("cartwright.client.changes")
                .description("Optimistic cart changes the storefront showed, as it reports them").register(meters);
        for (String code : CODES) {
            rollbacks.put(code, Counter.builder("cartwright.client.rollbacks")
                    .description("Optimistic cart changes the storefront took back, by the refusal's code, as it reports them")
                    .tag("code", code).register(meters));
        }
    }

    @PostMapping("/api/telemetry/rollbacks")
    @ApiResponse(responseCode = "204", description = "Counted")
    ResponseEntity<Void> reportRollbacks(HttpServletRequest request, @Valid @RequestBody RollbackReport report) {
        // The body is in memory already (platform.RequestBodyLimit), so its length is known even when sent chunked.
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw Problems.failure(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "A report is at most " + MAX_BYTES + " bytes."));
        }
        // What one page can report in one go is bounded, whichever codes it names: anyone may send reports.
        if (report.rollbacks().values().stream().mapToLong(Integer::longValue).sum() > MAX_COUNT) {
            throw Problems.failure(Problems.validationFailed(List.of(new Problems.FieldProblem("rollbacks",
                    "may add up to at most " + MAX_COUNT))));
        }
        changes.increment(report.changes());
        report.rollbacks().forEach((code, count) -> rollbacks.getOrDefault(code, rollbacks.get("OTHER")).increment(count));
        return ResponseEntity.noContent().build();
    }
}
