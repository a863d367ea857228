package dev.vidgate.api;

import dev.vidgate.tenancy.Gatekeeper;
import dev.vidgate.video.VideoService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the plain case of {@code GET /v1/videos/{id}/content} without Spring MVC's dispatch (handler lookup,
 * interceptors, argument resolution), which cost a download more CPU than the bytes do: a {@code GET} with a key, no
 * query string other than {@code variant}, and an id of the usual characters. It does what the route and its
 * interceptors do, in the same order and with the same pieces: the {@link Gatekeeper} admits the key (once),
 * {@link VideoService#content} finds the rendition, {@link ContentDownload} answers (ranges, sendfile, redirect), and
 * errors go to the one {@link HandlerExceptionResolver} that renders every API error. The request keeps its
 * {@code x-request-id} and its place in the HTTP metrics under the route's pattern, since the filters that give them
 * run before this one. Everything else (a console session's cookie, {@code HEAD}, other query parameters, odd paths)
 * goes on to the route unchanged.
 */
@Component
@ConditionalOnWebApplication // a worker-only node or a command has no web layer to render errors with
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // after RequestIdFilter, the metrics' observation, CrossOrigin and the console's filters
final class ContentFastPath extends OncePerRequestFilter {
    static final String ROUTE = "/v1/videos/{id}/content";
    private static final Pattern PATH = Pattern.compile("/v1/videos/([A-Za-z0-9_-]{1,100})/content");

    private final Gatekeeper gatekeeper;
    private final VideoService videos;
    private final ContentDownload download;
    private final HandlerExceptionResolver errors;

    ContentFastPath(Gatekeeper gatekeeper, VideoService videos, ApiSettings settings,
                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.gatekeeper = gatekeeper;
        this.videos = videos;
        this.download = new ContentDownload(videos, settings.contentRedirectTtl());
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!uri.endsWith("/content") || !"GET".equals(request.getMethod())) { // every other route, checked cheaply first
            chain.doFilter(request, response);
            return;
        }
        String secret = Authentication.secretOf(request);
        String variant = variantOf(request.getQueryString());
        Matcher path = PATH.matcher(uri);
        if (secret == null || variant == null || !path.matches()) {
            chain.doFilter(request, response); // not the plain case: the route serves it
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(ROUTE));
        try {
            var principal = gatekeeper.admit(secret, request.getRemoteAddr());
            download.send(videos.content(principal, path.group(1), ContentDownload.variant(variant)), request, response);
        } catch (RuntimeException refused) { // an ApiException, or what ErrorRendering maps to 503 or 500
            if (errors.resolveException(request, response, null, refused) == null) throw refused;
        }
    }

    /**
     * The wire name of the variant a query string asks for: "" for none, the name for {@code variant=<name>} with a
     * name of letters only, else null (the route then parses the query as usual).
     */
    static String variantOf(String query) {
        if (query == null || query.isEmpty()) return "";
        if (!query.startsWith("variant=")) return null;
        for (int i = "variant=".length(); i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 'a' || c > 'z') return null;
        }
        return query.substring("variant=".length());
    }
}
