package dev.cartwright.shopper;

import java.util.UUID;

/** The shopper a request acts for; a controller parameter of this type is filled in from the cookie. */
public record ShopperId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
