package dev.vidgate.video.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.vidgate.common.ApiException;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.testsupport.media.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteImageFetcherTest {
    private static final RemoteFetchPolicy LOCAL_TESTING = RemoteFetchPolicy.enabledDefaults()
            .withAllowPrivateNetworks(true)
            .withAllowPlainHttp(true)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        if (server != null) server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private String serve(HttpHandler handler) throws IOException {
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client hung up on purpose (limits, timeouts)
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- policy ----

    @Test
    void remoteUrlsAreDisabledByDefault() {
        assertThat(RemoteFetchPolicy.DEFAULTS.enabled()).isFalse();
        assertThat(RemoteFetchPolicy.DEFAULTS.allowPrivateNetworks()).isFalse();
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.DEFAULTS);
        assertRefused(() -> fetcher.fetch("https://example.com/a.png"), 400,
                "Remote input_reference URLs are disabled on this server; send the image as a data URL or a multipart file");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/a.png",
        "http://localhost/a.png",
        "http://[::1]/a.png",
        "https://127.0.0.2:8443/a.png",
        "http://0.0.0.0/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::a00:1]/",
        "http://[2002:c0a8:101::1]/",
        "http://2130706433/",
    })
    void loopbackPrivateAndLinkLocalAddressesAreRefused(String url) {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults().withAllowPlainHttp(true));
        assertRefused(() -> fetcher.fetch(url), 400,
                "input_reference.image_url points to a private, loopback or link-local address; only public addresses are fetched");
    }

    /**
     * Spellings of IPv4 addresses that libc, curl and browsers read differently from Java (octal, hex, fewer
     * than four parts, one integer, leading zeros, a trailing dot): none is guessed at, all are refused
     * before any lookup or connection. The short connect timeout only matters when one slips through.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://0177.0.0.1/a.png",
        "http://0177.0.0.1:8080/a.png",
        "http://0x7f.0.0.1/",
        "http://0X7F.0.0.1/",
        "http://0x7f.1/",
        "http://0x7f000001/",
        "http://017700000001/",
        "http://127.1/",
        "http://0177.1/",
        "http://127.0.1/",
        "http://2130706433/",
        "http://127.0.0.1./",
        "http://127.000.000.001/",
        "http://00000127.0.0.1/",
        "http://127.0.0.01/",
        "http://010.8.8.8/",
        "http://08.8.8.8/",
        "http://0/",
        "http://1.2.3.4.5/",
        "http://256.0.0.1/",
        "http://example.0x7f/",
        "http://[::ffff:0177.0.0.1]/",
    })
    void ipv4LiteralsInAnyButTheCanonicalDottedQuadAreRefused(String url) {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)),
                host -> {
                    throw new AssertionError("looked up " + host);
                });
        assertRefused(() -> fetcher.fetch(url), 400,
                "input_reference.image_url points to a private, loopback or link-local address; only public addresses are fetched");
    }

    @Test
    void canonicalDottedQuadsAndHostNamesAreNotMistakenForOddLiterals() {
        for (String host : new String[] {"8.8.8.8", "93.184.215.14", "0.0.0.0", "255.255.255.255", "example.com", "cafe.be",
                "dead.beef", "1e100.net", "0x7f.example", "images.example.", "[2606:4700::1111]", "[::ffff:8.8.8.8]"}) {
            assertThat(PublicAddresses.isNonCanonicalIpv4Literal(host)).as(host).isFalse();
        }
    }

    @Test
    void aHostNameResolvingToAPrivateAddressIsRefused() {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults(),
                host -> new InetAddress[] {address("93.184.215.14"), address("10.1.2.3")});
        assertThatThrownBy(() -> fetcher.fetch("https://images.example/a.png"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("private, loopback or link-local");
    }

    @Test
    void publicAddressesAreRecognised() {
        assertThat(PublicAddresses.isPublic(address("8.8.8.8"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("2606:4700:4700::1111"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("64:ff9b::808:808"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("2002:808:808::1"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("100.128.0.1"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("172.32.0.1"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("100.63.255.255"))).isTrue();
        assertThat(PublicAddresses.isPublic(address("198.51.100.7"))).isFalse();
        assertThat(PublicAddresses.isPublic(address("2001:db8::1"))).isFalse();
        assertThat(PublicAddresses.isPublic(address("::"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.png", "file:///etc/passwd", "not a url", "https:///a.png", "gopher://x/"})
    void urlsThatAreNotHttpOrHttpsAreRejected(String url) {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults());
        assertRefused(() -> fetcher.fetch(url), 400,
                "input_reference.image_url must be a data URL (data:image/png;base64,...) or an https URL");
    }

    @Test
    void aPlainHttpUrlIsRefusedSayingHttpsIsRequiredUnlessATestAllowsIt() {
        assertThat(RemoteFetchPolicy.DEFAULTS.allowPlainHttp()).isFalse();
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults(),
                host -> new InetAddress[] {address("93.184.215.14")});
        for (String url : new String[] {"http://images.example/a.png", "HTTP://images.example:8080/a.png"}) {
            assertRefused(() -> fetcher.fetch(url), 400, "input_reference.image_url must be an https URL; plain http is not fetched");
        }
    }

    @Test
    void urlsWithCredentialsAreRejected() {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults());
        assertRefused(() -> fetcher.fetch("https://user:secret@example.com/a.png"), 400,
                "input_reference.image_url must not contain credentials");
    }

    @Test
    void anUnknownHostIsAClientError() {
        var fetcher = new RemoteImageFetcher(RemoteFetchPolicy.enabledDefaults(), host -> {
            throw new UnknownHostException(host);
        });
        assertRefused(() -> fetcher.fetch("https://nowhere.invalid/a.png"), 400,
                "input_reference.image_url could not be fetched: unknown host");
    }

    // ---- fetching from a local server (private networks allowed for the test) ----

    @Test
    void aPngIsFetchedFromALocalServerWhenPrivateNetworksAreAllowed() throws IOException {
        byte[] png = TestImages.png(64, 36);
        String base = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
        });
        byte[] fetched = new RemoteImageFetcher(LOCAL_TESTING).fetch(base + "/a.png?v=1");
        assertThat(fetched).isEqualTo(png);
        assertThat(ReferenceImages.validate(fetched, 64, 36, ReferenceLimits.DEFAULTS).format())
                .isEqualTo(ImageFormat.PNG);
    }

    @Test
    void aChunkedBodyIsFetched() throws IOException {
        byte[] png = TestImages.png(64, 36);
        String base = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < png.length; i += 100) body.write(png, i, Math.min(100, png.length - i));
        });
        assertThat(new RemoteImageFetcher(LOCAL_TESTING).fetch(base + "/a.png")).isEqualTo(png);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheOriginalHostHeader() throws IOException {
        AtomicReference<String> hostHeader = new AtomicReference<>();
        AtomicReference<String> path = new AtomicReference<>();
        serve(exchange -> {
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            path.set(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, 1);
            exchange.getResponseBody().write(7);
        });
        int port = server.getAddress().getPort();
        var fetcher = new RemoteImageFetcher(LOCAL_TESTING, host -> {
            assertThat(host).isEqualTo("images.example");
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });
        assertThat(fetcher.fetch("http://images.example:" + port + "/p/a%20b.png?x=1#frag")).containsExactly(7);
        assertThat(hostHeader.get()).isEqualTo("images.example:" + port);
        assertThat(path.get()).isEqualTo("/p/a%20b.png?x=1");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413() throws IOException {
        String base = serve(exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write(new byte[10_000]);
        });
        var fetcher = new RemoteImageFetcher(LOCAL_TESTING.withMaxBytes(1024));
        assertRefused(() -> fetcher.fetch(base + "/big.png"), 413, "input_reference is larger than the 1 KiB limit");
    }

    @Test
    void aStreamedBodyIsCutOffOnceItPassesTheLimit() throws IOException {
        String base = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            OutputStream body = exchange.getResponseBody();
            byte[] block = new byte[4096];
            for (int i = 0; i < 100_000 && release.getCount() > 0; i++) body.write(block); // up to 400 MB
        });
        var fetcher = new RemoteImageFetcher(LOCAL_TESTING.withMaxBytes(64 * 1024));
        assertRefused(() -> fetcher.fetch(base + "/endless.png"), 413, "input_reference is larger than the 64 KiB limit");
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        String base = serve(exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
        });
        assertRefused(() -> new RemoteImageFetcher(LOCAL_TESTING).fetch(base + "/a.png"), 400,
                "input_reference.image_url answered with a redirect (HTTP 302); redirects are not followed");
    }

    @Test
    void anErrorStatusIsAClientError() throws IOException {
        String base = serve(exchange -> exchange.sendResponseHeaders(404, -1));
        assertRefused(() -> new RemoteImageFetcher(LOCAL_TESTING).fetch(base + "/missing.png"), 400,
                "input_reference.image_url could not be fetched (HTTP 404)");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws IOException {
        String base = serve(exchange -> {
            awaitRelease();
            exchange.sendResponseHeaders(200, -1);
        });
        var fetcher = new RemoteImageFetcher(LOCAL_TESTING.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        assertRefused(() -> fetcher.fetch(base + "/slow.png"), 400,
                "input_reference.image_url could not be fetched: the server did not answer in time");
    }

    @Test
    void aServerDrippingBytesIsCutOffByTheOverallDeadline() throws IOException {
        String base = serve(exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 1000 && release.getCount() > 0; i++) {
                body.write(0);
                body.flush();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var fetcher = new RemoteImageFetcher(LOCAL_TESTING.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
        assertRefused(() -> fetcher.fetch(base + "/drip.png"), 400,
                "input_reference.image_url could not be fetched: the server did not answer in time");
    }

    // ---- helpers ----

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.type()).isEqualTo("invalid_request_error");
            assertThat(e.param()).isEqualTo("input_reference");
            assertThat(e.code()).isEqualTo(status == 413 ? "file_too_large" : "invalid_value");
        });
    }
}
