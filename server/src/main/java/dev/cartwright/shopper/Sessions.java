package dev.cartwright.shopper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed-in browsers. Each sign-in opens a session row and gives the browser a new cookie that
 * names it (never the guest's value again: no fixation); each request of a signed-in browser
 * checks its session still exists, so signing out ends the cookie wherever a copy of it went.
 */
@Component
public class Sessions {

    private final JdbcClient jdbc;
    private final GuestCookies cookies;
    private final ApplicationEventPublisher events;

    Sessions(JdbcClient jdbc, GuestCookies cookies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cookies = cookies;
        this.events = events;
    }

    /** A new session of the account, in the caller's transaction; this browser's cookie names it from now on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SessionId open(ShopperId account, HttpServletRequest request, HttpServletResponse response) {
        UUID session = UUID.randomUUID();
        jdbc.sql("insert into account_session (id, shopper_id) values (:id, :shopper)")
                .param("id", session)
                .param("shopper", account.value())
                .update();
        ShopperCookieFilter.setCookie(request, response, cookies.issue(new SessionCookie(account, session, Instant.now())));
        return new SessionId(session);
    }

    /** Ends the session (in the caller's transaction), so its cookie is no one's; connections opened with it close. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void end(ShopperId account, SessionId session) {
        jdbc.sql("delete from account_session where id = :id")
                .param("id", session.value())
                .update();
        events.publishEvent(new IdentityEnded(account.value(), session.value()));
    }

    /** Makes this browser a new guest, with an empty cart and nothing of who it was. */
    public ShopperId newGuest(HttpServletRequest request, HttpServletResponse response) {
        ShopperId guest = new ShopperId(UUID.randomUUID());
        ShopperCookieFilter.setCookie(request, response, cookies.issue(new GuestCookie(guest, Instant.now())));
        return guest;
    }

    /** Whether the session of this cookie is still open: every request of a signed-in browser asks. */
    boolean live(SessionCookie cookie) {
        return jdbc.sql("select exists (select 1 from account_session where id = :id and shopper_id = :shopper)")
                .param("id", cookie.session())
                .param("shopper", cookie.shopper().value())
                .query(Boolean.class)
                .single();
    }
}
