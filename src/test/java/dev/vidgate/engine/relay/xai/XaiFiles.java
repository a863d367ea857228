package dev.vidgate.engine.relay.xai;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.testsupport.ProviderFake;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The host xAI's finished videos are served from (another origin than the API): a plain HTTPS file URL that needs no
 * key. Faults: the link has expired (403), the body is cut short of its {@code Content-Length}.
 */
final class XaiFiles extends ProviderFake {
    static final String FILE = "FILE";

    /** The MP4 every result is. */
    volatile byte[] video = TestClips.mp4(320, 180, 1);
    volatile boolean expired;
    volatile boolean truncated;

    String url(String requestId) {
        return origin() + "/xai-vidgen-bucket/" + requestId + ".mp4";
    }

    @Override
    protected String route(HttpExchange ex) {
        return ex.getRequestURI().getPath().startsWith("/xai-vidgen-bucket/") ? FILE : null;
    }

    @Override
    protected Canned answer(String route, HttpExchange ex, JsonNode body) throws IOException {
        if (expired) return new Canned(403, "application/xml", "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
        video(ex, video, truncated);
        return null;
    }

    @Override
    protected Canned notFound(HttpExchange ex) {
        return new Canned(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>");
    }
}
