package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Errors raised outside Spring MVC (by the servlet container) still answer in the OpenAI envelope. */
@RestController
final class FallbackErrorController implements ErrorController {
    private final ErrorRendering errors;

    FallbackErrorController(ErrorRendering errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String message = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "Invalid URL.";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "The server had an error while processing your request." : "The request was rejected.";
        };
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        errors.write(response, new ApiException(status, type, message, null, null, null));
    }
}
