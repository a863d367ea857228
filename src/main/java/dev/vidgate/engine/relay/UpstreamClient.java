package dev.vidgate.engine.relay;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.video.Variant;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Speaks one channel's flavour of the Videos API over HTTP. Every call is bounded in time (the
 * watchdog interrupts a silent upstream) and in size (JSON answers up to 1 MiB; downloads up to the
 * caller's limit, streamed to disk), reports its outcome to the channel's health, and fails with an
 * {@link UpstreamException} whose message is safe for clients. Redirects are followed by hand, and
 * credentials are never sent to another origin.
 */
final class UpstreamClient implements AutoCloseable {
    private static final int MAX_JSON_BYTES = 1 << 20;
    private static final int MAX_REDIRECTS = 3;

    /** Where outcomes go: the channel's statistics and circuit breaker. */
    interface Health {
        void succeeded(long nanos);

        void failed(long nanos, UpstreamException cause);
    }

    /** A poll's answer and how soon the upstream suggests asking again ({@code null} when it did not say). */
    record Polled(UpstreamVideo video, Duration pollAfter) {}

    private final ChannelSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final UpstreamAnswers answers;
    private final Watchdog watchdog;
    private final Health health;
    private final String root;
    private final ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();

    UpstreamClient(ChannelSettings settings, ObjectMapper json, Watchdog watchdog, Health health) {
        this.settings = settings;
        this.json = json;
        this.watchdog = watchdog;
        this.health = health;
        this.answers = new UpstreamAnswers(json, settings.apiKey() == null ? null : settings.apiKey().reveal());
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        String prefix = settings.flavour().pathPrefix();
        this.root = base.endsWith(prefix) ? base : base + prefix;
        this.http = HttpClient.newBuilder()
                // the client's own work (reading answers, completing exchanges) runs on virtual threads,
                // so thousands of polls in flight do not mean thousands of platform threads
                .executor(clientThreads)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version("https".equals(settings.baseUrl().getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    UpstreamAnswers answers() { return answers; }

    /** Creates a job; {@code reference} (may be null) is sent as the {@code input_reference} file. */
    UpstreamVideo create(GenerationRequest request, String upstreamModel, byte[] reference, String idempotencyKey)
            throws UpstreamException, InterruptedException {
        Flavour flavour = settings.flavour();
        HttpRequest.Builder builder = request(uri("/videos", null));
        if (reference != null || flavour.multipartOnly()) {
            MultipartForm form = new MultipartForm()
                    .text("model", upstreamModel)
                    .text("prompt", request.prompt())
                    .text("size", request.size().toString())
                    .text("seconds", Integer.toString(request.seconds()));
            if (reference != null) {
                // the API accepted only what the one sniffer recognises; anything else is labelled honestly
                Optional<ImageFormat> format = ImageFormat.detect(reference);
                form.file("input_reference", "reference." + format.map(ImageFormat::extension).orElse("bin"),
                        format.map(ImageFormat::mediaType).orElse("application/octet-stream"), reference);
            }
            builder.header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        } else {
            ObjectNode body = json.createObjectNode()
                    .put("model", upstreamModel)
                    .put("prompt", request.prompt())
                    .put("size", request.size().toString());
            switch (flavour.seconds()) {
                case STRING -> body.put("seconds", Integer.toString(request.seconds()));
                case INTEGER -> body.put("seconds", request.seconds());
                case NUMBER -> body.put("seconds", (double) request.seconds());
            }
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        if (idempotencyKey != null) builder.header("Idempotency-Key", idempotencyKey);
        return observed(() -> answers.video(exchange(builder.build())));
    }

    /** Asks the upstream to remix its job {@code sourceId} with a new prompt. */
    UpstreamVideo remix(String sourceId, String prompt, String idempotencyKey) throws UpstreamException, InterruptedException {
        byte[] body = json.writeValueAsBytes(json.createObjectNode().put("prompt", prompt));
        HttpRequest.Builder builder = request(uri("/videos/" + encode(sourceId) + "/remix", null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) builder.header("Idempotency-Key", idempotencyKey);
        return observed(sourceId, () -> answers.video(exchange(builder.build())));
    }

    Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request(uri("/videos/" + encode(id), null)).GET().build();
        return observed(id, () -> {
            Answer answer = exchange(get);
            UpstreamVideo video = answers.video(answer);
            if (!video.id().equals(id)) {
                throw new UpstreamException(Kind.BROKEN, "The provider answered about a different video.", answer.status(), null, null);
            }
            return new Polled(video, answer.pollAfter());
        });
    }

    /** The upstream's most recent jobs (first page of its list). */
    List<UpstreamVideo> list() throws UpstreamException, InterruptedException {
        HttpRequest get = request(uri("/videos", "limit=100")).GET().build();
        return observed(() -> answers.list(exchange(get)));
    }

    /** Stops a job: the cancel route where the flavour has one (a {@code DELETE} where it has not, or 404s). */
    void cancel(String id) throws UpstreamException, InterruptedException {
        if (settings.flavour().hasCancelRoute()) {
            try {
                HttpRequest post = request(uri("/videos/" + encode(id) + "/cancel", null))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                observed(id, () -> {
                    answers.acknowledged(exchange(post));
                    return null;
                });
                return;
            } catch (UpstreamException e) {
                if (e.kind() != Kind.NOT_FOUND && e.kind() != Kind.REJECTED) throw e;
                // no such route (a plain OpenAI upstream), or the job is already finished there: delete it instead
            }
        }
        delete(id);
    }

    void delete(String id) throws UpstreamException, InterruptedException {
        HttpRequest delete = request(uri("/videos/" + encode(id), null)).DELETE().build();
        observed(id, () -> {
            answers.acknowledged(exchange(delete));
            return null;
        });
    }

    /**
     * Streams one rendition into {@code target}, refusing more than {@code maxBytes} (before reading
     * when {@code Content-Length} says so) and a body shorter than announced. Returns the bytes written.
     */
    long download(String id, Variant variant, Path target, long maxBytes, Duration timeout)
            throws UpstreamException, InterruptedException {
        URI uri = uri("/videos/" + encode(id) + "/content", variant == Variant.VIDEO ? null : "variant=" + variant.wireName());
        return observed(id, () -> {
            try (Watchdog.Guard guard = watchdog.guard(timeout)) {
                HttpResponse<InputStream> response = follow(uri, guard);
                try (InputStream in = response.body()) {
                    if (response.statusCode() / 100 != 2) {
                        throw answers.failure(new Answer(response.statusCode(), response.headers(), in.readNBytes(64 * 1024)));
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
        });
    }

    private HttpResponse<InputStream> follow(URI uri, Watchdog.Guard guard) throws UpstreamException, InterruptedException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            boolean sameOrigin = Objects.equals(current.getHost(), uri.getHost()) && current.getPort() == uri.getPort()
                    && Objects.equals(current.getScheme(), uri.getScheme());
            HttpRequest.Builder builder = sameOrigin ? request(current) : HttpRequest.newBuilder(current).timeout(settings.requestTimeout());
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

    private static long copy(InputStream in, Path target, long maxBytes) throws IOException, UpstreamException {
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

    private static UpstreamException tooLarge(long bytes, long maxBytes) {
        return new UpstreamException(Kind.UNACCEPTABLE, "The provider's file is larger than the limit of "
                + (maxBytes / (1024 * 1024)) + " MiB (" + (bytes >= 0 ? "at least " + bytes + " bytes" : "unknown size") + ").");
    }

    private Answer exchange(HttpRequest request) throws UpstreamException, InterruptedException {
        try (Watchdog.Guard guard = watchdog.guard(settings.requestTimeout())) {
            HttpResponse<InputStream> response = send(request, guard);
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_JSON_BYTES + 1);
                if (body.length > MAX_JSON_BYTES) {
                    throw new UpstreamException(Kind.BROKEN, "The provider's answer is larger than 1 MiB.", response.statusCode(), null, null);
                }
                return new Answer(response.statusCode(), response.headers(), body);
            } catch (IOException e) {
                throw interrupted(guard, e, "The provider's answer was cut off.");
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

    private interface Call<T> {
        T run() throws UpstreamException, InterruptedException;
    }

    /** Runs a call and reports its outcome to the channel's health. */
    private <T> T observed(Call<T> call) throws UpstreamException, InterruptedException {
        return observed(null, call);
    }

    /** Runs a call about upstream job {@code id} and reports its outcome; failures never repeat the id. */
    private <T> T observed(String id, Call<T> call) throws UpstreamException, InterruptedException {
        long start = System.nanoTime();
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

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "vidgate-relay");
        ApiKey key = settings.apiKey();
        if (key != null) {
            if (settings.flavour().bearerAuth()) {
                builder.header("Authorization", "Bearer " + key.reveal());
            } else {
                builder.header("api-key", key.reveal());
            }
        }
        return builder;
    }

    private URI uri(String path, String query) {
        String q = query;
        if (settings.apiVersion() != null) {
            String version = "api-version=" + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8);
            q = q == null ? version : q + "&" + version;
        }
        return URI.create(root + path + (q == null ? "" : "?" + q));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
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
