package dev.cartwright.shopper;

import java.util.UUID;

/** The signed-in session a request comes from; guests have none. */
public record SessionId(UUID value) {

    /** The request (and WebSocket) attribute under which the shopper filter leaves the request's session. */
    public static final String REQUEST_ATTRIBUTE = "dev.cartwright.shopper.SessionId";
}
