package dev.vidgate.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Errors raised outside Spring MVC (by the servlet container) still answer in the OpenAI envelope.
 * {@code /error} itself is no route: asked for directly, it answers 404 like any unknown path.
 */
@RestController
final class FallbackErrorController implements ErrorController {
    private final ErrorRendering errors;

    FallbackErrorController(ErrorRendering errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            errors.write(response, ContainerErrors.noRoute(request.getMethod(), request.getRequestURI()));
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        errors.write(response, ContainerErrors.forStatus(status, request.getMethod(), uri instanceof String s ? s : null,
                request.getHeader("Transfer-Encoding") != null));
    }
}
