package dev.vidgate.testsupport;

import com.sun.net.httpserver.HttpExchange;
import dev.vidgate.testsupport.media.TestClips;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The file host a provider's finished videos are served from, on its own port (another origin than the provider's API):
 * a URL whose path (and signature query) is the credential, so a request carrying an {@code Authorization} header is
 * refused, as signed-URL stores refuse two auth mechanisms. Faults: the link has expired (403), the body is cut short of
 * its {@code Content-Length}.
 */
public final class FakeFileHost extends ProviderFake {
    public static final String FILE = "FILE";

    private final String prefix;
    private final String query;
    /** The MP4 every file is. */
    public volatile byte[] video = TestClips.mp4(320, 180, 1);
    public volatile boolean expired;
    public volatile boolean truncated;

    /** Files under {@code /prefix/}, their URLs ending in {@code query} (a signature, or empty). */
    public FakeFileHost(String prefix, String query) {
        this.prefix = "/" + prefix + "/";
        this.query = query;
    }

    /** The URL of the video named {@code name}. */
    public String url(String name) {
        return origin() + prefix + name + ".mp4" + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    protected String route(HttpExchange ex) {
        return ex.getRequestURI().getPath().startsWith(prefix) ? FILE : null;
    }

    @Override
    protected Canned answer(String route, HttpExchange ex, JsonNode body) throws IOException {
        if (ex.getRequestHeaders().containsKey("Authorization")) return xml(400, "InvalidArgument", "Only one auth mechanism allowed");
        if (expired) return xml(403, "AccessDenied", "Request has expired");
        video(ex, video, truncated);
        return null;
    }

    @Override
    protected Canned notFound(HttpExchange ex) {
        return xml(404, "NoSuchKey", "The specified key does not exist.");
    }

    private static Canned xml(int status, String code, String message) {
        return new Canned(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>");
    }
}
