package dev.vidgate.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last line of the start log: where the API, the admin API and the docs are, with the port the server
 * really listens on (after {@link Startup}: Spring publishes the ready event once the runners are done).
 */
@Component
@ConditionalOnProperty(prefix = "vidgate", name = "command", havingValue = "serve", matchIfMissing = true)
class ReadyLine {
    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final VidgateProperties props;

    ReadyLine(VidgateProperties props) {
        this.props = props;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            log.info("Vidgate is ready (roles {}): this node serves no API; docs: README.md and docs/ in the source tree", props.roles());
            return;
        }
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        String base = "http://" + host + ":" + web.getWebServer().getPort();
        log.info("Vidgate is ready: API {}/v1, admin API {}/admin/v1{}, console {}/console, OpenAPI {}/openapi.json; docs: docs/api.md, "
                        + "docs/admin.md and README.md in the source tree",
                base, base, props.adminKey() == null ? " (off until VIDGATE_ADMIN_KEY is set)" : "", base, base);
    }
}
