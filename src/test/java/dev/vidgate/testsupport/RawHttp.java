package dev.vidgate.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Plain HTTP for the cases an SDK never sends: hand-made bodies, odd headers, broken input. */
public final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final java.util.Map<String, HttpClient> CLIENTS_BY_ADDRESS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final HttpClient client;

    public RawHttp(String baseUrl, String apiKey) {
        this(() -> baseUrl, apiKey, CLIENT);
    }

    /** A client of a server whose address is known only later (asked at each call), such as one a JUnit extension starts. */
    public RawHttp(Supplier<String> baseUrl, String apiKey) {
        this(baseUrl, apiKey, CLIENT);
    }

    private RawHttp(Supplier<String> baseUrl, String apiKey, HttpClient client) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.client = client;
    }

    /**
     * A client connecting from another local address, such as {@code 127.0.0.2} (any of 127/8 reaches a
     * server on 127.0.0.1): to the server it is another client address.
     */
    public static RawHttp from(String localAddress, String baseUrl, String apiKey) {
        return new RawHttp(() -> baseUrl, apiKey, CLIENTS_BY_ADDRESS.computeIfAbsent(localAddress, address -> {
            try {
                return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .localAddress(java.net.InetAddress.getByName(address)).build();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        var b = request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    public HttpResponse<String> postMultipart(String path, Multipart form, String... headers) {
        return post(path, form.contentType(), form.body(), headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data body built part by part, so tests control every header. */
    public static final class Multipart {
        private final String boundary = "----vidgate" + UUID.randomUUID();
        private final List<byte[]> parts = new ArrayList<>();

        public Multipart text(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value.getBytes(StandardCharsets.UTF_8));
        }

        /** A text part labelled the way the Java SDK labels them. */
        public Multipart utf8Text(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        /** A file part; a null filename leaves the filename attribute out, as the Java SDK does. */
        public Multipart file(String name, String filename, String contentType, byte[] bytes) {
            String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n";
            return part(disposition + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n"), bytes);
        }

        private Multipart part(String headers, byte[] content) {
            var out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            parts.add(out.toByteArray());
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] body() {
            var out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
