package dev.vidgate.engine.relay;

import dev.vidgate.engine.relay.UpstreamException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The HTTP mechanics every provider adapter shares, one instance per channel. Every call is bounded in
 * time (the watchdog interrupts a silent upstream) and in size (answers up to 1 MiB; downloads up to the
 * caller's limit, streamed to disk); transport failures become {@link UpstreamException}s whose messages
 * are safe for clients; redirects are followed by hand and credentials never go to another origin.
 * Adapters build requests with {@link #request}, add their own authentication, and wrap each logical
 * call in {@link #observed} so that its outcome reaches the channel's statistics and circuit breaker.
 */
public final class Transport implements AutoCloseable {
    /** The largest answer {@link #exchange} reads. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final int MAX_REDIRECTS = 3;

    /** Where outcomes go: the channel's statistics and circuit breaker. */
    interface Health {
        void succeeded(long nanos);

        void failed(long nanos, UpstreamException cause);

        Health NONE = new Health() {
            @Override
            public void succeeded(long nanos) {}

            @Override
            public void failed(long nanos, UpstreamException cause) {}
        };
    }

    /** One call to an upstream, which may fail the way upstream calls do. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws UpstreamException, InterruptedException;
    }

    /** Reads a streamed answer (status, headers, body); the transport closes the body afterwards. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(int status, HttpHeaders headers, InputStream body) throws IOException, UpstreamException, InterruptedException;
    }

    /** Bound while a call runs outside the channel's health ({@link #unobserved}). */
    private static final ScopedValue<Boolean> UNOBSERVED = ScopedValue.newInstance();

    private final Duration requestTimeout;
    private final Watchdog watchdog;
    private final Health health;
    private final InstantSource clock;
    private final HttpClient http;
    private final ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();

    Transport(ChannelSettings settings, Watchdog watchdog, Health health, InstantSource clock) {
        this.requestTimeout = settings.requestTimeout();
        this.watchdog = watchdog;
        this.health = health;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                // the client's own work (reading answers, completing exchanges) runs on virtual threads,
                // so thousands of polls in flight do not mean thousands of platform threads
                .executor(clientThreads)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version("https".equals(settings.baseUrl().getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The relay's clock, for adapters whose credentials depend on the time (signed tokens that expire). */
    public InstantSource clock() { return clock; }

    /** A request to {@code uri} with the channel's timeout, {@code Accept: application/json} and our user agent. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "vidgate-relay");
    }

    /** Sends a request and reads its whole answer, whatever its status, refusing more than 1 MiB. */
    public Answer exchange(HttpRequest request) throws UpstreamException, InterruptedException {
        return streamed(request, requestTimeout, (status, headers, in) -> {
            byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (body.length > MAX_ANSWER_BYTES) {
                throw new UpstreamException(Kind.BROKEN, "The provider's answer is larger than 1 MiB.", status, null, null);
            }
            return new Answer(status, headers, body);
        });
    }

    /**
     * Sends a request and hands its answer, unread, to {@code reader} (for answers too large to hold, such as
     * a video inline in JSON); the whole exchange must end within {@code timeout}.
     */
    public <T> T streamed(HttpRequest request, Duration timeout, BodyReader<T> reader) throws UpstreamException, InterruptedException {
        try (Watchdog.Guard guard = watchdog.guard(timeout)) {
            HttpResponse<InputStream> response = send(request, guard);
            try (InputStream in = response.body()) {
                return reader.read(response.statusCode(), response.headers(), in);
            } catch (IOException e) {
                throw interrupted(guard, e, "The provider's answer was cut off.");
            }
        }
    }

    /**
     * Streams the file at {@code uri} into {@code target}: redirects followed (at most three), {@code credentials}
     * applied only to requests to {@code uri}'s own origin, a non-2xx answer turned into an exception by
     * {@code failure}, more than {@code maxBytes} refused (before reading when {@code Content-Length} says so) and
     * a body shorter than announced refused. Returns the bytes written.
     */
    public long download(URI uri, UnaryOperator<HttpRequest.Builder> credentials, Path target, long maxBytes, Duration timeout,
                         FailureReader failure) throws UpstreamException, InterruptedException {
        try (Watchdog.Guard guard = watchdog.guard(timeout)) {
            HttpResponse<InputStream> response = follow(uri, credentials, guard);
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw failure.failure(new Answer(response.statusCode(), response.headers(), in.readNBytes(64 * 1024)));
                }
                long announced = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (announced > maxBytes) throw tooLarge(announced, maxBytes);
                long written = copy(in, target, maxBytes);
                if (announced >= 0 && written != announced) {
                    throw new UpstreamException(Kind.BROKEN, "The provider's download ended after " + written + " of "
                            + announced + " bytes.");
                }
                return written;
            } catch (IOException e) {
                throw interrupted(guard, e, "The provider's download was cut off.");
            }
        }
    }

    /** Turns a failed answer into the exception it means (an adapter's own error reading). */
    @FunctionalInterface
    public interface FailureReader {
        UpstreamException failure(Answer answer);
    }

    /** Copies at most {@code maxBytes} of {@code in} into {@code target}; more is refused as too large. */
    public static long copy(InputStream in, Path target, long maxBytes) throws IOException, UpstreamException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                written += n;
                if (written > maxBytes) throw tooLarge(written, maxBytes);
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    /** The failure of a file over the size limit. */
    public static UpstreamException tooLarge(long bytes, long maxBytes) {
        return new UpstreamException(Kind.UNACCEPTABLE, "The provider's file is larger than the limit of "
                + (maxBytes / (1024 * 1024)) + " MiB (" + (bytes >= 0 ? "at least " + bytes + " bytes" : "unknown size") + ").");
    }

    /** Runs a call and reports its outcome to the channel's health. */
    public <T> T observed(Call<T> call) throws UpstreamException, InterruptedException {
        return observed(null, call);
    }

    /** Runs a call about upstream job {@code id} and reports its outcome; failures never repeat the id. */
    public <T> T observed(String id, Call<T> call) throws UpstreamException, InterruptedException {
        long start = System.nanoTime();
        Health health = UNOBSERVED.isBound() ? Health.NONE : this.health;
        try {
            T result = call.run();
            health.succeeded(System.nanoTime() - start);
            return result;
        } catch (UpstreamException raw) {
            UpstreamException e = raw.withoutId(id);
            if (e.kind().channelFault()) {
                health.failed(System.nanoTime() - start, e);
            } else {
                health.succeeded(System.nanoTime() - start);
            }
            throw e;
        }
    }

    /**
     * Runs {@code call} (on this thread) without reporting anything to the channel's health: the calls it makes through
     * {@link #observed} count neither as successes nor as failures (an operator's channel test, {@link ProviderClient#probe}).
     */
    public <T> T unobserved(Call<T> call) throws UpstreamException, InterruptedException {
        ScopedValue.CallableOp<T, Exception> op = call::run;
        try {
            return ScopedValue.where(UNOBSERVED, Boolean.TRUE).call(op);
        } catch (UpstreamException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a call threw what calls cannot", e);
        }
    }

    private HttpResponse<InputStream> follow(URI uri, UnaryOperator<HttpRequest.Builder> credentials, Watchdog.Guard guard)
            throws UpstreamException, InterruptedException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            boolean sameOrigin = Objects.equals(current.getHost(), uri.getHost()) && current.getPort() == uri.getPort()
                    && Objects.equals(current.getScheme(), uri.getScheme());
            HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(requestTimeout).header("User-Agent", "vidgate-relay");
            if (sameOrigin) builder = credentials.apply(builder);
            HttpResponse<InputStream> response = send(builder.header("Accept", "*/*").GET().build(), guard);
            int status = response.statusCode();
            String location = response.headers().firstValue("location").orElse(null);
            if (status / 100 != 3 || location == null || hop >= MAX_REDIRECTS) return response;
            closeQuietly(response.body());
            current = current.resolve(location);
            if (!"http".equals(current.getScheme()) && !"https".equals(current.getScheme())) {
                throw new UpstreamException(Kind.BROKEN, "The provider redirected the download to an unsupported address.");
            }
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, Watchdog.Guard guard) throws UpstreamException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new UpstreamException(Kind.UNREACHABLE, "The provider could not be reached in time.");
        } catch (ConnectException e) {
            throw new UpstreamException(Kind.UNREACHABLE, "The provider refused the connection.");
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(Kind.TIMEOUT, "The provider did not answer in time.");
        } catch (InterruptedException e) {
            if (!guard.fired()) throw e;
            throw new UpstreamException(Kind.TIMEOUT, "The provider did not answer in time.");
        } catch (IOException e) {
            if (guard.fired()) throw new UpstreamException(Kind.TIMEOUT, "The provider did not answer in time.");
            if (Thread.interrupted()) throw new InterruptedException("stopped while waiting for an upstream answer");
            if (isUnresolved(e)) throw new UpstreamException(Kind.UNREACHABLE, "The provider's host name does not resolve.");
            throw new UpstreamException(Kind.BROKEN, "The provider closed the connection without a complete answer.");
        }
    }

    /** A failed read: the deadline, our own shutdown (not the upstream's fault), or a broken answer. */
    private static UpstreamException interrupted(Watchdog.Guard guard, IOException e, String otherwise) throws InterruptedException {
        if (guard.fired()) return new UpstreamException(Kind.TIMEOUT, "The provider did not finish its answer in time.");
        if (Thread.interrupted()) throw new InterruptedException("stopped while reading an upstream answer");
        return new UpstreamException(Kind.BROKEN, otherwise);
    }

    private static boolean isUnresolved(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) return true;
        }
        return false;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the redirect's body is not needed
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
        clientThreads.shutdownNow();
    }
}
