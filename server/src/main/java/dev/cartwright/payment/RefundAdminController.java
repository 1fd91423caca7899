package dev.cartwright.payment;

import dev.cartwright.platform.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds owed, and an operator's "send it now" through the same path the poller takes
 * ({@link RefundSender}). Guarded by the admin token (platform.EdgeSecurity).
 */
@RestController
class RefundAdminController {

    record RefundList(List<RefundView> items) {}

    private final Refunds refunds;
    private final RefundSender sender;

    RefundAdminController(Refunds refunds, RefundSender sender) {
        this.refunds = refunds;
        this.sender = sender;
    }

    @GetMapping("/api/admin/refunds")
    RefundList unfinished() {
        return new RefundList(refunds.unfinished());
    }

    /**
     * Holds no connection while the provider answers. A refund made answers as it is; sent twice at
     * once (two operators, or the poller), the provider makes it once by its idempotency key.
     */
    @PostMapping("/api/admin/refunds/{sessionId}/send")
    RefundView send(@PathVariable String sessionId) {
        RefundView refund = refunds.find(sessionId).orElseThrow(RefundAdminController::notFound);
        if (refund.status() != RefundView.Status.REFUNDED) {
            sender.sendNow(sessionId);
        }
        return refunds.find(sessionId).orElseThrow(RefundAdminController::notFound);
    }

    private static RuntimeException notFound() {
        return Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "REFUND_NOT_FOUND",
                "No refund is owed for this payment session. Check the session id in the list of refunds."));
    }
}
