package dev.vidgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Local ports for tests: one that is free now, and one nobody listens on (a server that is down). */
public final class Ports {
    private Ports() {}

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} where nothing listens: a connection there is refused at once. */
    public static String closedUrl() {
        return "http://127.0.0.1:" + free();
    }
}
