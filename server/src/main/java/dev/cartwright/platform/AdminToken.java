package dev.cartwright.platform;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The operators' credential: {@code Authorization: Bearer <CARTWRIGHT_ADMIN_TOKEN>}, compared in
 * constant time. Without a configured token the embedded demo store makes one and prints it;
 * against an external database, where several nodes must accept the same token, starting
 * without one is an error.
 */
@Component
class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final String OPERATOR = "operator";

    private final byte[] token;

    AdminToken(@Value("${cartwright.admin.token:}") String configured, DatabaseSettings database) {
        String token = configured.strip();
        if (token.isEmpty()) {
            if (!database.embedded()) {
                throw new StartupRefusal("CARTWRIGHT_ADMIN_TOKEN is not set. With DATABASE_URL, every node must "
                        + "accept the same admin token.", "Set CARTWRIGHT_ADMIN_TOKEN to a long random secret "
                        + "(openssl rand -base64 32), the same on every node.");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CARTWRIGHT_ADMIN_TOKEN is not set; this run's admin token is {}", token);
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Makes an operator's call that presents the right bearer token the operator's; a wrong one is refused. */
    Filter filter(RequestMatcher operatorCalls, AuthenticationEntryPoint refusal) {
        AuthenticationFilter filter = new AuthenticationFilter(this::authenticate, request -> {
            String presented = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
            return presented == null ? null : new PreAuthenticatedAuthenticationToken(OPERATOR, presented);
        });
        filter.setRequestMatcher(operatorCalls);
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(refusal));
        return filter;
    }

    private Authentication authenticate(Authentication request) {
        byte[] presented = String.valueOf(request.getCredentials()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, presented)) {
            throw new BadCredentialsException("Wrong admin token");
        }
        return new PreAuthenticatedAuthenticationToken(OPERATOR, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + EdgeSecurity.OPERATOR)));
    }

    private static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
