package dev.vidgate.webhooks;

import dev.vidgate.video.reference.PublicAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The check of an endpoint URL when it is registered or changed: an absolute {@code https} or {@code http} URL without
 * credentials, whose host resolves, and only to public addresses unless private ones are allowed (the same guard as
 * remote references; {@link WebhookSender} checks the addresses again at every connect).
 */
final class EndpointUrls {
    static final int MAX_LENGTH = 2048;

    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    EndpointUrls(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The URL as stored; or a 400 that says what is wrong. */
    String check(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) throw WebhookErrors.url("Missing required parameter: url");
        String trimmed = url.trim();
        if (trimmed.length() > MAX_LENGTH) throw WebhookErrors.url("'url' is longer than " + MAX_LENGTH + " characters.");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw WebhookErrors.url("'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) throw WebhookErrors.url("'url' must be an https (or http) URL.");
        if (uri.getRawUserInfo() != null) throw WebhookErrors.url("'url' must not contain credentials.");
        if (uri.getRawFragment() != null) throw WebhookErrors.url("'url' must not contain a fragment.");
        String host = uri.getHost();
        // java.net.URI leaves the host out of authorities such as 0x7f.1 (registry-based): check what was written
        String written = host != null ? host : uri.getRawAuthority() == null ? null : uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
        if (written != null && PublicAddresses.isNonCanonicalIpv4Literal(written)) throw notPublic();
        if (host == null || host.isEmpty()) throw WebhookErrors.url("'url' must name a host.");
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw WebhookErrors.url("The host of 'url' could not be resolved.");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) if (!PublicAddresses.isPublic(address)) throw notPublic();
        }
        return trimmed;
    }

    static UnknownHostException refusedAtConnect(String host) {
        return new UnknownHostException(host + " resolves to a private, loopback or link-local address");
    }

    private static RuntimeException notPublic() {
        return WebhookErrors.url("'url' points to a private, loopback or link-local address; webhooks go to public addresses "
                + "only (an administrator may allow private addresses for an endpoint).");
    }
}
