package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Locale;
import java.util.Map;

/**
 * Refuses a query parameter holding a control character before any route reads it (see {@link TextFields}).
 * A request with a form body (urlencoded or multipart) is left to its parser: the container would count
 * the body's fields as parameters too, and reading them here would consume the body.
 */
final class QueryParameters implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || contentType.startsWith("multipart/")) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!TextFields.isSingleLine(parameter.getKey())) {
                throw ApiException.invalid("Query parameter names must not contain control characters.", null, "invalid_value");
            }
            for (String value : parameter.getValue()) TextFields.singleLine(value, parameter.getKey());
        }
        return true;
    }
}
