package dev.vidgate.app;

import dev.vidgate.api.ContainerErrors;
import dev.vidgate.api.RequestIds;
import dev.vidgate.common.ApiException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Tomcat settings the API depends on: an encoded {@code /} in a path reaches the routes (and is
 * answered there as an unknown id) instead of being refused by the container, and the few errors the
 * container answers itself come in the OpenAI JSON envelope with an {@code x-request-id}, rather than an
 * HTML page.
 */
@Component
class ServletContainer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new JsonErrorReportValve()));
    }

    /**
     * Renders the errors the container answers itself (malformed request lines and headers, rejected URIs,
     * {@code HTTP/1.2}, unsupported transfer codings, {@code CONNECT}) as the OpenAI error envelope with an
     * {@code x-request-id}, mapped as {@link ContainerErrors} says: a client's mistake is a 4xx.
     */
    static final class JsonErrorReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            ApiException error = ContainerErrors.forStatus(status, request.getMethod(), request.getRequestURI(),
                    request.getHeader("Transfer-Encoding") != null);
            try {
                RequestIds.ensure(response);
                response.setStatus(error.status());
                if (error.status() == 405 && response.getHeader("Allow") == null) {
                    response.setHeader("Allow", ContainerErrors.ALLOWED_METHODS);
                }
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(ContainerErrors.body(error));
                response.finishResponse();
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone; nothing more to say
            }
        }
    }
}
