package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem each refused sharing call answers, worded for the shopper. */
final class SharingProblems {

    private SharingProblems() {}

    static ProblemDetail of(Sharing.Refusal refusal) {
        return switch (refusal) {
            case Sharing.NotOwner notOwner -> Problems.problem(HttpStatus.FORBIDDEN, "NOT_CART_OWNER",
                    "Only the person whose cart this is can invite others, withdraw its links or remove people. "
                            + "You can leave it and use your own cart.");
            case Sharing.MemberNotFound notFound -> Problems.problem(HttpStatus.NOT_FOUND, "MEMBER_NOT_FOUND",
                    "This person no longer shares your cart.");
            case Sharing.InvitationNotFound notFound -> Problems.problem(HttpStatus.NOT_FOUND, "INVITATION_NOT_FOUND",
                    "This invitation link is not valid. Ask for a new one.");
            case Sharing.InvitationExpired expired -> {
                ProblemDetail problem = Problems.problem(HttpStatus.GONE, "INVITATION_EXPIRED",
                        "This invitation link has expired. Ask for a new one.");
                problem.setProperty("expiredAt", expired.expiredAt());
                yield problem;
            }
            case Sharing.InvitationRevoked revoked -> Problems.problem(HttpStatus.GONE, "INVITATION_REVOKED",
                    "The person who shared this cart has withdrawn the link. Ask them for a new one.");
            case Sharing.RemovedFromCart removed -> Problems.problem(HttpStatus.FORBIDDEN, "REMOVED_FROM_CART",
                    "The person whose cart this is has removed you from it, so you cannot join it again. Your own cart is yours as before.");
        };
    }
}
