package dev.cartwright.account;

import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account API. Every answer is {@code Cache-Control: no-store}: it signs a browser in or out,
 * and no cache, nor the Idempotency-Key store, may keep or replay that for another request.
 */
@RestController
@RequestMapping("/api/account")
class AccountController {

    private static final String SOME_TEXT = "(?s).*\\S.*";
    /**
     * A part of an address: no control, formatting (zero-width, bidi override, BOM) or space-like
     * character, any of which would make another account of what reads as the same email.
     */
    private static final String ADDRESS_PART = "[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+";
    /** No control or formatting character and no line separator, but for the joiners that emoji sequences and some scripts need. */
    private static final String PRINTABLE = "(?:[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|[\\u200C\\u200D])*";
    /** A letter, mark, digit, punctuation or symbol: what a reader sees. */
    private static final String VISIBLE = "(?s).*[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}].*";

    record SignUpRequest(
            @NotNull @Size(max = 254, message = "must be at most 254 characters")
            @Pattern(regexp = "\\s*" + ADDRESS_PART + "@" + ADDRESS_PART + "\\." + ADDRESS_PART + "\\s*",
                    message = "must be an email address, like ada@example.com")
            String email,
            @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
            @Pattern(regexp = SOME_TEXT, message = "must not be only spaces")
            String password,
            @NotNull @Size(min = 1, max = 60, message = "must be 1 to 60 characters")
            @Pattern(regexp = VISIBLE, message = "must have a letter, digit or sign in it")
            @Pattern(regexp = PRINTABLE, message = "must not hold control or formatting characters, like a line break")
            String name) {}

    record SignInRequest(
            @NotNull @Size(max = 254, message = "must be at most 254 characters") String email,
            @NotNull @Size(max = 128, message = "must be at most 128 characters") String password) {}

    /** The account signed in, and what became of the guest's cart and checkouts ({@code merged}, null when none merged). */
    @Schema(name = "SignedIn")
    record SignedInAnswer(String email, String name, @Nullable GuestMerge merged) {}

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/signup")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SignedInAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The account was this email's and password's: signed in",
            content = @Content(schema = @Schema(implementation = SignedInAnswer.class)))
    ResponseEntity<Object> signUp(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session,
            @Valid @RequestBody SignUpRequest body, HttpServletRequest request, HttpServletResponse response) {
        return answer(accounts.signUp(new Browser(shopper, session, request, response), body.email(), body.password(),
                body.name()));
    }

    @PostMapping("/signin")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SignedInAnswer.class)))
    ResponseEntity<Object> signIn(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session,
            @Valid @RequestBody SignInRequest body, HttpServletRequest request, HttpServletResponse response) {
        return answer(accounts.signIn(new Browser(shopper, session, request, response), body.email(), body.password()));
    }

    @PostMapping("/signout")
    ResponseEntity<Void> signOut(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session,
            HttpServletRequest request, HttpServletResponse response) {
        accounts.signOut(new Browser(shopper, session, request, response));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.class)))
    ResponseEntity<Object> account(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session) {
        return accounts.of(shopper, session)
                .<ResponseEntity<Object>>map(account -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(account))
                .orElseGet(() -> refusal(Problems.problem(HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN",
                        "You are not signed in. Sign in to see your account.")));
    }

    private static ResponseEntity<Object> answer(SignIn outcome) {
        return switch (outcome) {
            case SignIn.SignedIn in -> ResponseEntity.status(in.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .cacheControl(CacheControl.noStore())
                    .body(new SignedInAnswer(in.account().email(), in.account().name(), in.merged()));
            case SignIn.WrongCredentials wrong -> refusal(Problems.problem(HttpStatus.UNAUTHORIZED, "SIGN_IN_FAILED",
                    "This email and password do not match an account. Check them and try again."));
            case SignIn.NotCreated notCreated -> refusal(Problems.problem(HttpStatus.CONFLICT, "SIGN_UP_REFUSED",
                    "We could not create an account with these details. If you have an account, sign in instead; "
                            + "or sign up with another email."));
            case SignIn.Limited limited -> {
                long seconds = Math.max(1, Math.ceilDiv(limited.nanosToWait(), TimeUnit.SECONDS.toNanos(1)));
                yield refusal(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        "Too many tries to sign in. Wait " + seconds + " seconds and try again."), Long.toString(seconds));
            }
        };
    }

    /** A problem, never cached; {@code retryAfter} in whole seconds when there is one. */
    private static ResponseEntity<Object> refusal(ProblemDetail problem, String... retryAfter) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .body(problem);
    }
}
