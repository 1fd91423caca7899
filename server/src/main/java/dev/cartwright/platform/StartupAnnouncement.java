package dev.cartwright.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the store where to open it. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("Cartwright is ready: open http://localhost:{}", port);
    }
}
