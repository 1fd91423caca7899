package dev.cartwright.catalog;

import dev.cartwright.platform.ServerSecrets;
import dev.cartwright.platform.SignedTokens;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Opaque page cursors: the last id of a page, signed together with the search it belongs to,
 * so that a cursor the service did not issue, or one from another search, is refused.
 */
@Component
class ProductCursors {

    private final SignedTokens tokens;

    ProductCursors(ServerSecrets secrets) {
        this.tokens = new SignedTokens(secrets, "catalog-cursor");
    }

    String issue(long lastId, String query) {
        return tokens.issue(ByteBuffer.allocate(Long.BYTES).putLong(lastId).array(), query);
    }

    /** The last id the cursor stands for, or empty when the service did not issue it for this search. */
    OptionalLong read(String cursor, String query) {
        return tokens.read(cursor, Long.BYTES, query)
                .map(payload -> OptionalLong.of(ByteBuffer.wrap(payload).getLong()))
                .orElse(OptionalLong.empty());
    }
}
