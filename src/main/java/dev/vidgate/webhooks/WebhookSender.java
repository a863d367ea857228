package dev.vidgate.webhooks;

import dev.vidgate.video.reference.PublicAddresses;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One signed POST to an endpoint, on Apache HttpClient: no redirects followed (a 3xx is a failure), no automatic
 * retries, no cookies, one deadline for the whole exchange, at most {@link #MAX_BODY} bytes of the answer read (the rest
 * is dropped with the connection). Unless private addresses are allowed, its DNS resolver refuses any host with a
 * non-public address at every connect, so a name that pointed somewhere public at registration and now points inside
 * the network is not reached.
 */
final class WebhookSender implements AutoCloseable {
    static final int MAX_BODY = 1024;

    /** What the receiver answered, or why it did not. */
    record Result(Integer statusCode, String error, String body, long latencyMillis) {}

    private final CloseableHttpClient guarded;
    private final CloseableHttpClient open;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deadlines").daemon(true).factory());

    WebhookSender(Duration timeout, int maxConnections) {
        this.timeout = timeout;
        this.guarded = client(new PublicOnly(), timeout, maxConnections);
        this.open = client(SystemDefaultDnsResolver.INSTANCE, timeout, maxConnections);
    }

    private static CloseableHttpClient client(DnsResolver dns, Duration timeout, int maxConnections) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeout))
                        .setSocketTimeout(Timeout.of(timeout))
                        .setTimeToLive(Timeout.ofMinutes(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .setResponseTimeout(Timeout.of(timeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("vidgate-webhooks")
                .build();
    }

    Result send(String url, boolean allowPrivate, String webhookId, long timestamp, String signature, byte[] body) {
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", webhookId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON.withCharset((String) null)));
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            post.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try (ClassicHttpResponse response = (allowPrivate ? open : guarded).executeOpen(null, post, null)) {
            int status = response.getCode();
            String answer = head(response.getEntity());
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
            return new Result(status, error, answer, millisSince(start));
        } catch (UnknownHostException e) {
            String message = e.getMessage() != null && e.getMessage().contains("private") ? "refused: the host resolves to a private, "
                    + "loopback or link-local address" : "unknown host";
            return new Result(null, message, null, millisSince(start));
        } catch (SocketTimeoutException e) {
            return new Result(null, "timed out after " + timeout.toSeconds() + " s", null, millisSince(start));
        } catch (ConnectException e) {
            return new Result(null, "connection refused", null, millisSince(start));
        } catch (IOException | RuntimeException e) {
            String error = late.get() ? "timed out after " + timeout.toSeconds() + " s" : describe(e);
            return new Result(null, error, null, millisSince(start));
        } finally {
            deadline.cancel(false);
        }
    }

    /** At most the first {@link #MAX_BODY} bytes; a longer answer is not read further (the connection is dropped). */
    private static String head(HttpEntity entity) throws IOException {
        if (entity == null) return "";
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("reset")) return "connection reset";
        if (e instanceof javax.net.ssl.SSLException) return "TLS failed";
        if (message.contains("closed") || message.contains("end of stream") || message.contains("no_response")
                || e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return "connection closed without an answer";
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            guarded.close();
            open.close();
        } catch (IOException ignored) {
            // shutting down anyway
        }
    }

    /** Resolves as the system does, then refuses any host with an address that is not public. */
    private static final class PublicOnly implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (PublicAddresses.isNonCanonicalIpv4Literal(host)) throw EndpointUrls.refusedAtConnect(host);
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) throw EndpointUrls.refusedAtConnect(host);
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
