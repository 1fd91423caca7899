package dev.cartwright.realtime;

import dev.cartwright.platform.ProblemWriter;
import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.ShopperId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
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
                .addInterceptors(new ShopperHandshake())
                .setHandshakeHandler(new ProblemHandshakeHandler(problems))
                .setAllowedOriginPatterns("*");
    }

    /** A request to /ws that is no WebSocket handshake answers a problem like every other bad request. */
    private static final class ProblemHandshakeHandler extends DefaultHandshakeHandler {

        private final ProblemWriter problems;

        ProblemHandshakeHandler(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response) throws IOException {
            refuse(response);
        }

        @Override
        protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response) throws IOException {
            refuse(response);
        }

        private void refuse(ServerHttpResponse response) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet) {
                problems.write(servlet.getServletResponse(), Problems.problem(HttpStatus.BAD_REQUEST, "NOT_A_WEBSOCKET",
                        "This address takes WebSocket connections only (Upgrade: websocket)."));
            } else {
                response.setStatusCode(HttpStatus.BAD_REQUEST);
            }
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
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                Exception exception) {
        }
    }
}
