package dev.vidgate.engine.relay.comfyui;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * ComfyUI's {@code /ws?clientId=} for {@link FakeComfyUi} (Java-WebSocket on 127.0.0.1): on connect a
 * {@code status} message with the {@code sid}; messages of a prompt go to the socket of the client id it was
 * queued with, {@code status} to all, as ComfyUI's {@code send_sync} does. It checks the proxy's key, and can
 * drop every socket and refuse new ones.
 */
final class FakeComfySocket extends WebSocketServer {
    private final String key;
    private final JsonMapper json;
    private final Map<String, WebSocket> byClient = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    volatile boolean refusing;
    final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();

    private FakeComfySocket(String key, JsonMapper json) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.key = key;
        this.json = json;
        setReuseAddr(true);
    }

    static FakeComfySocket start(String key, JsonMapper json) {
        FakeComfySocket socket = new FakeComfySocket(key, json);
        socket.start();
        try {
            if (!socket.started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the fake websocket did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return socket;
    }

    String address() { return "ws://127.0.0.1:" + getPort() + "/ws"; }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        if (refusing || !("Bearer " + key).equals(handshake.getFieldValue("Authorization")) || !resource.startsWith("/ws?clientId=")) {
            conn.close(1008, "refused");
            return;
        }
        String clientId = resource.substring("/ws?clientId=".length());
        byClient.put(clientId, conn);
        opened.incrementAndGet();
        ObjectNode status = json.createObjectNode().put("type", "status");
        ObjectNode data = status.putObject("data");
        data.putObject("status").putObject("exec_info").put("queue_remaining", 0);
        data.put("sid", clientId);
        conn.send(json.writeValueAsString(status));
        conn.send(new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xD8}); // a preview frame, which clients skip
    }

    /** Sends {@code {type, data}} to the socket of {@code clientId}, if it has one. */
    void send(String clientId, String type, JsonNode data) {
        WebSocket conn = byClient.get(clientId);
        if (conn == null || !conn.isOpen()) return;
        ObjectNode message = json.createObjectNode().put("type", type);
        message.set("data", data);
        conn.send(json.writeValueAsString(message));
    }

    void broadcastStatus(int remaining) {
        ObjectNode message = json.createObjectNode().put("type", "status");
        message.putObject("data").putObject("status").putObject("exec_info").put("queue_remaining", remaining);
        broadcast(json.writeValueAsString(message));
    }

    /** Closes every socket; {@code refuseNew} keeps new ones out from now on. */
    void dropAll(boolean refuseNew) {
        refusing = refuseNew;
        for (WebSocket conn : byClient.values()) conn.closeConnection(1006, "gone");
        byClient.clear();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        byClient.values().remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
