package dev.cartwright.account;

import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/** The browser a call comes from: its shopper, its session when signed in, and the exchange its new cookie goes out with. */
record Browser(ShopperId shopper, @Nullable SessionId session, HttpServletRequest request, HttpServletResponse response) {}
