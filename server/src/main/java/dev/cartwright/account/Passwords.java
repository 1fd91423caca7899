package dev.cartwright.account;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords hashed with Argon2id (Spring Security's current defaults: 16 MiB, 2 passes), each
 * hash prefixed with its encoder's id, so that a stronger one can take over for new hashes and
 * the old ones still check. Bcrypt would cut passwords at 72 bytes; a 128-character one can be longer.
 */
@Component
class Passwords {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    private final PasswordEncoder encoder =
            new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    /** Checked against when the email has no account, so that the answer takes as long as a wrong password's. */
    private final String nobodysHash = encoder.encode(UUID.randomUUID().toString());

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** As long as a check of a real hash, and never a match. */
    void matchNobody(String password) {
        encoder.matches(password, nobodysHash);
    }
}
