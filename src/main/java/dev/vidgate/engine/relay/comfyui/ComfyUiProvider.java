package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code comfyui} flavour: a channel is one ComfyUI server, which renders one graph at a time (so
 * {@code max-in-flight} defaults to 1). A job fills a workflow template ({@link Workflow}) and queues it;
 * progress comes over ComfyUI's websocket, the state from {@code /queue} and {@code /history}, and the
 * output, whatever the workflow saved, becomes an MP4 of the requested size and length ({@link Mp4Conformer}).
 *
 * <p>Options: {@code workflow} (text to video, default {@code wan2.2-t2v}) and {@code image-workflow} (image to
 * video, default {@code wan2.2-i2v}), each a built-in template's name or a file path; {@code fps}, the frame rate
 * the workflows render at (default 16, Wan 2.2's); {@code auth-header}, the header that carries {@code api-key}
 * for a server behind a proxy (default {@code Authorization: Bearer <key>}; another name sends the key as is);
 * {@code websocket-url}, where a proxy serves ComfyUI's {@code /ws} if not under the base URL.
 */
public final class ComfyUiProvider implements Provider {
    static final String WORKFLOW = "workflow";
    static final String IMAGE_WORKFLOW = "image-workflow";
    static final String FPS = "fps";
    static final String AUTH_HEADER = "auth-header";
    static final String WEBSOCKET_URL = "websocket-url";
    static final String DEFAULT_WORKFLOW = "wan2.2-t2v";
    static final String DEFAULT_IMAGE_WORKFLOW = "wan2.2-i2v";
    private static final Set<String> BUILT_IN = Set.of(DEFAULT_WORKFLOW, DEFAULT_IMAGE_WORKFLOW);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public String wireName() { return "comfyui"; }

    @Override
    public Set<String> options() { return Set.of(WORKFLOW, IMAGE_WORKFLOW, FPS, AUTH_HEADER, WEBSOCKET_URL); }

    @Override
    public int defaultMaxInFlight() { return 1; }

    @Override
    public void check(ChannelSettings channel) {
        workflows(channel);
        fps(channel);
        String header = channel.option(AUTH_HEADER).orElse("Authorization");
        if (!header.matches("[A-Za-z0-9-]{1,64}")) throw new IllegalArgumentException("options." + AUTH_HEADER + " must be a header name");
        channel.option(WEBSOCKET_URL).ifPresent(url -> {
            if (!url.matches("wss?://[^\\s?#]+")) {
                throw new IllegalArgumentException("options." + WEBSOCKET_URL + " must be a ws:// or wss:// address without a query");
            }
        });
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        Workflow[] both = workflows(channel);
        return new ComfyUiClient(channel, transport, JSON, both[0], both[1], fps(channel));
    }

    private static Workflow[] workflows(ChannelSettings channel) {
        return new Workflow[] {
                load(WORKFLOW, channel.option(WORKFLOW).orElse(DEFAULT_WORKFLOW), false),
                load(IMAGE_WORKFLOW, channel.option(IMAGE_WORKFLOW).orElse(DEFAULT_IMAGE_WORKFLOW), true)};
    }

    /** A built-in template by name, else a file; the message names the option, the file and the node at fault. */
    static Workflow load(String option, String nameOrPath, boolean needsImage) {
        byte[] bytes;
        try {
            if (BUILT_IN.contains(nameOrPath)) {
                try (InputStream in = ComfyUiProvider.class.getResourceAsStream("/comfyui/" + nameOrPath + ".json")) {
                    if (in == null) throw new IOException("missing from the build");
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(Path.of(nameOrPath));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("options." + option + ": workflow " + nameOrPath + " cannot be read ("
                    + e.getClass().getSimpleName() + "); give " + String.join(" or ", BUILT_IN.stream().sorted().toList())
                    + " or the path of an API-format workflow file");
        }
        try {
            return Workflow.parse(nameOrPath, bytes, needsImage, JSON);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("options." + option + ": " + e.getMessage());
        }
    }

    private static int fps(ChannelSettings channel) {
        String raw = channel.option(FPS).orElse("16");
        try {
            int fps = Integer.parseInt(raw.trim());
            if (fps >= 1 && fps <= 60) return fps;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("options." + FPS + " must be a whole number of frames per second from 1 to 60; got '" + raw + "'");
    }
}
