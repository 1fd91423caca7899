package dev.cartwright.platform;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

/**
 * The edge: every request passes Spring Security's strict firewall (no {@code ;params}, encoded
 * separators or other non-normal spellings), foreign origins cannot change anything, and
 * operator calls need the admin token. Authorization matches the decoded, normalized path, the
 * same path Spring MVC routes by, so no spelling reaches a handler that its rule did not see.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    static final String OPERATOR = "OPERATOR";
    /** Operators' calls: the admin API and the actuator, but for the health that load balancers probe. */
    private static final RequestMatcher OPERATOR_CALLS = RequestMatchers.anyOf(
            pathPattern("/api/admin/**"),
            RequestMatchers.allOf(pathPattern("/actuator/**"), RequestMatchers.not(pathPattern("/actuator/health/**"))));

    @Bean
    SecurityFilterChain edge(HttpSecurity http, AdminToken adminToken, HttpSettings settings, ProblemWriter problems)
            throws Exception {
        AuthenticationEntryPoint needsToken = (request, response, denied) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "This call needs the admin token: Authorization: Bearer <CARTWRIGHT_ADMIN_TOKEN>."));
        };
        return http
                // Shoppers are known by their own cookie (shopper package); the edge keeps no session.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.requireExplicitSave(true))
                // Cross-site changes are refused by their Origin (ForeignOrigins) rather than by a token.
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // Responses choose their own caching: hashed assets are immutable, answers are not.
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .addFilterAfter(new ForeignOrigins(settings, problems), HeaderWriterFilter.class)
                .addFilterBefore(adminToken.filter(OPERATOR_CALLS, needsToken), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPERATOR_CALLS).hasRole(OPERATOR)
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(needsToken)
                        .accessDeniedHandler((request, response, denied) -> problems.write(response, Problems.problem(
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "This call is not allowed."))))
                .build();
    }

    /**
     * The firewall holds paths to their normal form. Methods are Spring MVC's to refuse (405 with
     * Allow), and header values the code's that reads them, with its own code (an Idempotency-Key,
     * an If-Match): the authorization rules above hold for every method and header.
     */
    @Bean
    StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderValues(value -> true);
        return firewall;
    }

    /** What the firewall refuses answers problem+json like any other bad request. */
    @Bean
    RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST,
                "INVALID_PATH", "The address of this request is not in a form the shop accepts. Use the address as the shop gave it."));
    }
}
