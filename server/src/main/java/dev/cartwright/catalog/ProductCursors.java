package dev.cartwright.catalog;

import dev.cartwright.platform.ServerSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Opaque page cursors: the last id of a page, signed together with the search it belongs to,
 * so that a cursor the service did not issue, or one from another search, is refused.
 */
@Component
class ProductCursors {

    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    ProductCursors(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.secret("catalog-cursor"), "HmacSHA256");
    }

    String issue(long lastId, String query) {
        ByteBuffer token = ByteBuffer.allocate(Long.BYTES + MAC_BYTES);
        token.putLong(lastId).put(mac(lastId, query));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The last id the cursor stands for, or empty when the service did not issue it for this search. */
    OptionalLong read(String cursor, String query) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return OptionalLong.empty();
        }
        if (token.length != Long.BYTES + MAC_BYTES) {
            return OptionalLong.empty();
        }
        long lastId = ByteBuffer.wrap(token).getLong();
        byte[] mac = Arrays.copyOfRange(token, Long.BYTES, token.length);
        return MessageDigest.isEqual(mac, mac(lastId, query)) ? OptionalLong.of(lastId) : OptionalLong.empty();
    }

    private byte[] mac(long lastId, String query) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal((lastId + "\n" + query).getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
