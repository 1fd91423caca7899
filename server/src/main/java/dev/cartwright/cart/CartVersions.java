package dev.cartwright.cart;

import dev.cartwright.platform.Problems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A cart's version as an entity tag: {@code "7"}. If-Match with it makes a change conditional. */
final class CartVersions {

    // Strong tags only: RFC 9110 compares If-Match strongly, so a weak tag could never match.
    private static final Pattern TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private CartVersions() {}

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header expects, or null when any version will do. */
    static @Nullable Long fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_IF_MATCH",
                    "If-Match must be a cart version in quotes, like \"7\"."));
        }
        return Long.parseLong(tag.group(1));
    }
}
