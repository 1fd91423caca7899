package dev.cartwright.shopper;

import java.util.UUID;

/** The shopper a request acts for; a controller parameter of this type is filled in from the cookie. */
public record ShopperId(UUID value) {

    /** The request attribute under which the shopper filter leaves the request's shopper. */
    public static final String REQUEST_ATTRIBUTE = ShopperId.class.getName();

    @Override
    public String toString() {
        return value.toString();
    }
}
