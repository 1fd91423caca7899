package dev.cartwright.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

/**
 * Makes every API mutation that carries an {@code Idempotency-Key} happen at most once.
 *
 * <p>The request runs inside one transaction that also stores its response under the key, so
 * the change and the stored answer commit together or not at all: a retry after a lost
 * response replays the answer instead of applying the change again. A failure on our side
 * (5xx) is rolled back and not stored, so that the retry can succeed. An answer that says
 * {@code Cache-Control: no-store} (it holds a secret, such as an invitation's token) commits but
 * is not stored: no table keeps the secret, and a retry with the same key runs again.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request attribute naming whose keys these are; set by the shopper filter. */
    public static final String SCOPE_ATTRIBUTE = IdempotencyFilter.class.getName() + ".scope";

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");
    /**
     * Starting a payment is idempotent by itself (a checkout being paid answers its session's
     * page again), and it calls the provider, while which no connection may be held: its key is
     * not wrapped in a transaction.
     */
    private static final RequestMatcher IDEMPOTENT_BY_ITSELF = RequestMatchers.anyOf(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/checkouts/{id}/payment"),
            // Sending a refund now calls the provider too, and a refund already made is answered, not sent again.
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/admin/refunds/{sessionId}/send"),
            // Signing in or up hashes a password (no connection may wait on it) and answers with a
            // new session's cookie, which a replay must never hand out; a retry is a sign-in again.
            PathPatternRequestMatcher.pathPattern("/api/account/**"));
    private static final Set<String> REPLAYED_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, HttpHeaders.LOCATION);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final ProblemWriter problems;
    private final Counter replays;

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transactions, ProblemWriter problems, MeterRegistry meters) {
        this.keys = keys;
        this.transactions = transactions;
        this.problems = problems;
        this.replays = Counter.builder("cartwright.idempotency.replays")
                .description("Requests answered with the stored answer of an earlier request with the same Idempotency-Key")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !API.matches(request)
                || IDEMPOTENT_BY_ITSELF.matches(request)
                || !MUTATIONS.contains(request.getMethod())
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters."));
            return;
        }
        BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (!(request.getAttribute(SCOPE_ATTRIBUTE) instanceof String scope) || buffered == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] fingerprint = fingerprint(buffered);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(tx -> switch (keys.claim(scope, key)) {
            case IdempotencyKeys.Claim.InUse inUse -> new Outcome.InUse();
            case IdempotencyKeys.Claim.Used used -> replayOrRefuse(used.response(), fingerprint);
            case IdempotencyKeys.Claim.Claimed claimed -> execute(chain, request, captured, tx, scope, key, fingerprint);
        });
        switch (outcome) {
            case Outcome.Executed executed -> captured.copyBodyToResponse();
            case Outcome.Replay replay -> {
                replays.increment();
                replay(replay.response(), response);
            }
            case Outcome.InUse inUse -> problems.write(response, Problems.problem(HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_IN_USE", "An earlier request with this Idempotency-Key is still being processed. Try again shortly."));
            case Outcome.Reused reused -> problems.write(response, Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request. Use a new key."));
            case null -> throw new IllegalStateException("The transaction returned no outcome");
        }
    }

    private sealed interface Outcome {
        record Executed() implements Outcome {}

        record Replay(StoredResponse response) implements Outcome {}

        record InUse() implements Outcome {}

        record Reused() implements Outcome {}
    }

    /** Runs the request under the claimed key and stores its answer with its change, in one transaction. */
    private Outcome execute(FilterChain chain, HttpServletRequest request, ContentCachingResponseWrapper captured,
            TransactionStatus tx, String scope, String key, byte[] fingerprint) {
        run(chain, request, captured);
        if (captured.getStatus() >= 500 || tx.isRollbackOnly()) {
            tx.setRollbackOnly();
            return new Outcome.Executed();
        }
        if (!mayStore(captured) || keys.save(scope, key, new StoredResponse(
                fingerprint, captured.getStatus(), replayedHeaders(captured), captured.getContentAsByteArray()))) {
            return new Outcome.Executed();
        }
        // Another request with this key committed between the claim's read and its lock: it alone counts.
        tx.setRollbackOnly();
        captured.resetBuffer();
        return replayOrRefuse(keys.find(scope, key).orElseThrow(), fingerprint);
    }

    private static Outcome replayOrRefuse(StoredResponse stored, byte[] fingerprint) {
        return MessageDigest.isEqual(stored.requestHash(), fingerprint) ? new Outcome.Replay(stored) : new Outcome.Reused();
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static boolean mayStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl == null || !cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }

    private static Map<String, String> replayedHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            @Nullable String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** The same key may only repeat the same request: method, decoded path, query, precondition and body. */
    private static byte[] fingerprint(BufferedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + ' ' + UrlPathHelper.defaultInstance.getPathWithinApplication(request)
                    + '?' + request.getQueryString()
                    + '\n' + request.getHeader(HttpHeaders.IF_MATCH) + '\n';
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
