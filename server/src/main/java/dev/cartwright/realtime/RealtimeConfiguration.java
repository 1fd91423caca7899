package dev.cartwright.realtime;

import dev.cartwright.platform.ProblemWriter;
import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * /ws, carrying the shopper of the cookie. Which pages may open it is the edge's decision
 * (platform.ForeignOrigins refuses a foreign Origin before the handshake), not this one's.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final RealtimeSocket socket;
    private final ProblemWriter problems;

    RealtimeConfiguration(RealtimeSocket socket, ProblemWriter problems) {
        this.socket = socket;
        this.problems = problems;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws")
                .addInterceptors(new HandshakeCheck(problems), new ShopperHandshake())
                .setAllowedOriginPatterns("*");
    }

    /**
     * A request to /ws that is no WebSocket handshake answers a problem like every other bad
     * request, before Spring's handshake would answer it with an empty body.
     */
    private static final class HandshakeCheck implements HandshakeInterceptor {

        private final ProblemWriter problems;

        HandshakeCheck(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                Map<String, Object> attributes) throws IOException {
            HttpHeaders headers = request.getHeaders();
            if (request.getMethod() != HttpMethod.GET) {
                return refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                        "This address takes WebSocket connections only, which begin with a GET.");
            }
            if (!"websocket".equalsIgnoreCase(headers.getUpgrade())
                    || headers.getConnection().stream().noneMatch("upgrade"::equalsIgnoreCase)) {
                return refuse(response, HttpStatus.BAD_REQUEST, "NOT_A_WEBSOCKET",
                        "This address takes WebSocket connections only (Upgrade: websocket).");
            }
            if (!"13".equals(headers.getFirst("Sec-WebSocket-Version")) || headers.getFirst("Sec-WebSocket-Key") == null) {
                return refuse(response, HttpStatus.UPGRADE_REQUIRED, "NOT_A_WEBSOCKET",
                        "This address speaks WebSocket version 13 (RFC 6455), with a Sec-WebSocket-Key.");
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                @Nullable Exception failure) {}

        private boolean refuse(ServerHttpResponse response, HttpStatus status, String code, String detail) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet) {
                if (status == HttpStatus.UPGRADE_REQUIRED) {
                    servlet.getServletResponse().setHeader("Sec-WebSocket-Version", "13");
                }
                problems.write(servlet.getServletResponse(), Problems.problem(status, code, detail));
            } else {
                response.setStatusCode(status);
            }
            return false;
        }
    }

    /** Messages from clients are small; a larger one closes the connection (1009). */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(8192);
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }

    /** The shopper filter has already known (or welcomed) the shopper of the handshake request. */
    private static final class ShopperHandshake implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                Map<String, Object> attributes) {
            if (request instanceof ServletServerHttpRequest servlet) {
                HttpServletRequest http = servlet.getServletRequest();
                Object shopper = http.getAttribute(ShopperId.REQUEST_ATTRIBUTE);
                if (shopper != null) {
                    attributes.put(ShopperId.REQUEST_ATTRIBUTE, shopper);
                }
                Object session = http.getAttribute(SessionId.REQUEST_ATTRIBUTE);
                if (session != null) {
                    attributes.put(SessionId.REQUEST_ATTRIBUTE, session);
                }
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                Exception exception) {
        }
    }
}
