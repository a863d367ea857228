package dev.vidgate.app;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat settings the API depends on: an encoded {@code /} in a path reaches the routes (and is
 * answered there as an unknown id) instead of being refused by the container, and the few errors the
 * container answers itself come in the OpenAI JSON envelope rather than an HTML page.
 */
@Component
class ServletContainer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new JsonErrorReportValve()));
    }

    /** Renders container-level errors (bad request lines, rejected URIs) as the OpenAI error envelope. */
    static final class JsonErrorReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            String type = status >= 500 ? "server_error" : "invalid_request_error";
            String message = status >= 500 ? "The server had an error while processing your request."
                    : "The request could not be understood (HTTP " + status + ").";
            String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone; nothing more to say
            }
        }
    }
}
