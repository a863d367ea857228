package dev.vidgate.video.reference;

import dev.vidgate.common.ApiException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a remote {@code input_reference.image_url} under a {@link RemoteFetchPolicy}.
 *
 * <p>Server-side request forgery is the threat, so this deliberately does not use a general HTTP client:
 * <ul>
 *   <li>Only {@code https} URLs without credentials ({@code http} only where a test's policy allows it); off
 *       unless the policy enables it.</li>
 *   <li>The host is resolved once, every resolved address is checked (loopback, private, link-local,
 *       CGNAT, multicast, unspecified, reserved and documentation ranges are refused, as are IPv6 forms that
 *       embed such an IPv4 address), and the socket is connected to exactly the checked address. There is no
 *       second lookup, so DNS rebinding between the check and the connect is impossible. For https the TLS
 *       layer still uses the host name (SNI and certificate host-name verification).</li>
 *   <li>An IPv4 literal must be a canonical dotted quad: octal, hex, short ({@code 127.1}), single-integer and
 *       trailing-dot spellings, which other parsers read differently from Java, are refused like private
 *       addresses, before any lookup.</li>
 *   <li>One HTTP/1.1 GET, {@code Connection: close}; redirects are refused, not followed.</li>
 *   <li>The body is read in a bounded way: a {@code Content-Length} above the limit is refused before
 *       reading, and a streamed (chunked or close-delimited) body is cut off as soon as it passes the limit.</li>
 *   <li>{@link RemoteFetchPolicy#readTimeout()} bounds the whole exchange after connecting, not each read.</li>
 * </ul>
 * Every failure is a 400 {@code invalid_value} (or 413 {@code file_too_large}): the client gave a URL that
 * cannot be used, and a 5xx would only make the SDKs retry.
 */
public final class RemoteImageFetcher {
    private static final String URL_PARAM = "input_reference.image_url";
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final RemoteFetchPolicy policy;
    private final Resolver resolver;

    public RemoteImageFetcher(RemoteFetchPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    RemoteImageFetcher(RemoteFetchPolicy policy, Resolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    public RemoteFetchPolicy policy() { return policy; }

    /** The body of {@code url}, at most {@link RemoteFetchPolicy#maxBytes()} bytes. */
    public byte[] fetch(String url) {
        if (!policy.enabled()) {
            throw ReferenceErrors.remote(
                    "Remote input_reference URLs are disabled on this server; send the image as a data URL or a multipart file");
        }
        Target target = parse(url);
        if (!target.https() && !policy.allowPlainHttp()) {
            throw ReferenceErrors.remote(URL_PARAM + " must be an https URL; plain http is not fetched");
        }
        InetAddress[] addresses = resolve(target.host());
        if (!policy.allowPrivateNetworks()) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) throw notPublic();
            }
        }
        try (Socket socket = connect(addresses, target)) {
            long deadline = System.nanoTime() + policy.readTimeout().toNanos();
            Socket channel = target.https() ? startTls(socket, target, deadline) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(request(target).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(channel, channel.getInputStream(), deadline));
            return readResponse(in);
        } catch (ApiException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched: the server did not answer in time");
        } catch (SSLException e) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched: the TLS connection failed");
        } catch (IOException e) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched");
        }
    }

    // ---- URL and addresses ----

    private record Target(boolean https, String host, int port, String hostHeader, String pathAndQuery) {}

    private static Target parse(String url) {
        if (url == null || url.isBlank()) throw ReferenceErrors.malformedUrl();
        URI uri;
        try {
            uri = new URI(url.trim());
            uri = new URI(uri.toASCIIString()); // percent-encodes any non-ASCII path or query characters
        } catch (URISyntaxException e) {
            throw ReferenceErrors.malformedUrl();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw ReferenceErrors.malformedUrl();
        if (uri.getRawUserInfo() != null) throw ReferenceErrors.remote(URL_PARAM + " must not contain credentials");
        String host = uri.getHost();
        // java.net.URI leaves the host out of authorities such as 0x7f.1 or 127.0.0.1. (registry-based)
        String literal = host != null ? host : hostOf(uri.getRawAuthority());
        if (literal != null && PublicAddresses.isNonCanonicalIpv4Literal(literal)) throw notPublic();
        if (host == null || host.isEmpty()) throw ReferenceErrors.malformedUrl();
        boolean https = scheme.equals("https");
        int defaultPort = https ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        return new Target(https, bareHost, port, hostHeader, path);
    }

    /** The host part of a raw authority ({@code user@host:port}), or null without one. */
    private static String hostOf(String authority) {
        if (authority == null) return null;
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return hostAndPort.replaceFirst(":[0-9]*$", "");
    }

    /** Every address refused by the SSRF guard, and every IPv4 literal it will not guess at, gets this one answer. */
    private static ApiException notPublic() {
        return ReferenceErrors.remote(URL_PARAM + " points to a private, loopback or link-local address; only public addresses are fetched");
    }

    private InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) throw new UnknownHostException(host);
            return addresses;
        } catch (UnknownHostException e) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched: unknown host");
        }
    }

    // ---- connection ----

    private Socket connect(InetAddress[] addresses, Target target) throws IOException {
        int connectMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, policy.connectTimeout().toMillis()));
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()), connectMillis);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last;
    }

    private static Socket startTls(Socket plain, Target target, long deadline) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new SSLException("no default TLS context", e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // certificate must match the host name, not the IP
        if (!isIpLiteral(target.host())) params.setServerNames(List.of(new SNIHostName(target.host())));
        tls.setSSLParameters(params);
        tls.setSoTimeout(remainingMillis(deadline));
        tls.startHandshake();
        return tls;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
    }

    private static String request(Target target) {
        return "GET " + target.pathAndQuery() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: vidgate-reference-fetcher\r\n"
                + "Accept: image/jpeg, image/png, image/webp, */*;q=0.1\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) throw new SocketTimeoutException("deadline passed");
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    /** Sets the socket timeout to what is left of the overall deadline before every read. */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInputStream(Socket socket, InputStream in, long deadline) {
            this.socket = socket;
            this.in = in;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(b, off, len);
        }
    }

    // ---- response ----

    private byte[] readResponse(InputStream in) throws IOException {
        int[] headerBudget = {MAX_HEADER_BYTES};
        int status;
        Headers headers;
        do {
            String statusLine = readLine(in, headerBudget);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.x response");
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad status line");
            }
            headers = readHeaders(in, headerBudget);
        } while (status >= 100 && status < 200 && status != 101);

        if (status >= 300 && status < 400) {
            throw ReferenceErrors.remote(URL_PARAM + " answered with a redirect (HTTP " + status + "); redirects are not followed");
        }
        if (status < 200 || status >= 300) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched (HTTP " + status + ")");
        }
        if (headers.contentEncoding != null && !headers.contentEncoding.equalsIgnoreCase("identity")) {
            throw ReferenceErrors.remote(URL_PARAM + " could not be fetched: compressed responses are not supported");
        }
        long max = policy.maxBytes();
        if (headers.chunked) return readChunked(in, max, headerBudget);
        if (headers.contentLength >= 0) {
            if (headers.contentLength > max) throw ReferenceErrors.tooLarge(max);
            return readAtMost(in, headers.contentLength, true, max);
        }
        return readAtMost(in, Long.MAX_VALUE, false, max);
    }

    private static final class Headers {
        long contentLength = -1;
        boolean chunked;
        String contentEncoding;
    }

    private static Headers readHeaders(InputStream in, int[] budget) throws IOException {
        Headers headers = new Headers();
        for (String line = readLine(in, budget); !line.isEmpty(); line = readLine(in, budget)) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IOException("bad header line");
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> {
                    try {
                        long length = Long.parseLong(value);
                        if (length < 0 || (headers.contentLength >= 0 && headers.contentLength != length)) {
                            throw new IOException("bad content-length");
                        }
                        headers.contentLength = length;
                    } catch (NumberFormatException e) {
                        throw new IOException("bad content-length");
                    }
                }
                case "transfer-encoding" -> {
                    String last = value.substring(value.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
                    if (last.equals("chunked")) {
                        headers.chunked = true;
                    } else if (!last.equals("identity")) {
                        throw ReferenceErrors.remote(URL_PARAM + " could not be fetched: unsupported transfer encoding");
                    }
                }
                case "content-encoding" -> headers.contentEncoding = value;
                default -> { }
            }
        }
        return headers;
    }

    /** Reads a CRLF- (or LF-) terminated ASCII line, counting against a header budget. */
    private static String readLine(InputStream in, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("connection closed in the response head");
            if (--budget[0] < 0 || line.length() > MAX_LINE) throw new IOException("response head too large");
            if (c == '\n') break;
            line.append((char) c);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
    }

    /** Reads up to {@code length} bytes (or to EOF), refusing as soon as more than {@code max} arrive. */
    private static byte[] readAtMost(InputStream in, long length, boolean exact, long max) throws IOException {
        var out = new ByteArrayOutputStream((int) Math.min(Math.min(length, max), 1 << 16));
        copyBounded(in, out, length, exact, max);
        return out.toByteArray();
    }

    private static void copyBounded(InputStream in, ByteArrayOutputStream out, long length, boolean exact, long max)
            throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long remaining = length;
        while (remaining > 0) {
            // Never ask for more than one byte past the limit, so an oversize body is detected without buffering it.
            long room = max - out.size() + 1;
            int want = (int) Math.min(buffer.length, Math.min(remaining, room));
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                if (exact) throw new EOFException("connection closed before the body ended");
                return;
            }
            if (out.size() + (long) n > max) throw ReferenceErrors.tooLarge(max);
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private static byte[] readChunked(InputStream in, long max, int[] headerBudget) throws IOException {
        var out = new ByteArrayOutputStream(16 * 1024);
        while (true) {
            String sizeLine = readLine(in, headerBudget);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size < 0) throw new IOException("bad chunk size");
            if (size == 0) {
                readHeaders(in, headerBudget); // trailers
                return out.toByteArray();
            }
            if (out.size() + size > max) throw ReferenceErrors.tooLarge(max);
            copyBounded(in, out, size, true, max);
            if (!readLine(in, headerBudget).isEmpty()) throw new IOException("bad chunk terminator");
        }
    }
}
