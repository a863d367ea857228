package dev.vidgate.engine.relay;

import dev.vidgate.engine.relay.UpstreamException.Kind;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A finished video's result link on a provider's file host (a signed or public URL, fetched without the channel's key):
 * checking the link an answer gave, and reading a failed download of it. The host answers in its own shape (XML,
 * nothing), so only the status counts: 403/404/410 is a link that has expired or is gone.
 */
public final class ResultLinks {
    private ResultLinks() {}

    /** The link as a web address to fetch; {@code BROKEN} when it is none. */
    public static URI url(String locator) throws UpstreamException {
        try {
            URI url = locator == null ? null : new URI(locator.trim());
            if (url != null && url.isAbsolute() && url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // described below
        }
        throw new UpstreamException(Kind.BROKEN, "The provider's result link is not a usable web address.");
    }

    /** The exception a failed download of a result link means. */
    public static UpstreamException failure(Answer answer) {
        int status = answer.status();
        if (status == 403 || status == 404 || status == 410) {
            return new UpstreamException(Kind.NOT_FOUND, "The provider's result link has expired or is gone (HTTP " + status + ").",
                    status, null, null);
        }
        if (status == 429) {
            return new UpstreamException(Kind.RATE_LIMITED, "The provider's file host is rate limiting downloads.", status, null,
                    answer.retryAfter());
        }
        if (status >= 500) return new UpstreamException(Kind.SERVER, "The provider's file host failed (HTTP " + status + ").", status, null, null);
        return new UpstreamException(Kind.BROKEN, "The provider's file host refused the download (HTTP " + status + ").", status, null, null);
    }
}
