package dev.cartwright.realtime;

import dev.cartwright.shopper.ShopperId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** /ws for the service's own pages (and the configured origins), carrying the shopper of the cookie. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final RealtimeSocket socket;
    private final RealtimeSettings settings;

    RealtimeConfiguration(RealtimeSocket socket, RealtimeSettings settings) {
        this.socket = socket;
        this.settings = settings;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // With no origins listed, Spring allows the service's own origin only.
        registry.addHandler(socket, "/ws")
                .addInterceptors(new ShopperHandshake())
                .setAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
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
