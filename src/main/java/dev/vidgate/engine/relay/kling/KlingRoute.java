package dev.vidgate.engine.relay.kling;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kling's two task routes: a task is created with {@code POST} and queried with {@code GET {path}/{task_id}} on the same
 * path. The relay keeps only an upstream id, so the route travels in it: {@code t2v:<task_id>}, {@code i2v:<task_id>}.
 */
enum KlingRoute {
    TEXT_TO_VIDEO("t2v", "/v1/videos/text2video"),
    IMAGE_TO_VIDEO("i2v", "/v1/videos/image2video");

    private final String prefix;
    private final String path;

    KlingRoute(String prefix, String path) {
        this.prefix = prefix;
        this.path = path;
    }

    String path() { return path; }

    /** Our upstream id of Kling's task {@code taskId} on this route. */
    String upstreamId(String taskId) {
        return prefix + ":" + taskId;
    }

    /** The route of an upstream id this adapter made, or empty. */
    static Optional<KlingRoute> of(String upstreamId) {
        int colon = upstreamId.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String prefix = upstreamId.substring(0, colon);
        return Arrays.stream(values()).filter(r -> r.prefix.equals(prefix)).findFirst();
    }

    /** Kling's task id inside an upstream id of this adapter. */
    static String taskId(String upstreamId) {
        return upstreamId.substring(upstreamId.indexOf(':') + 1);
    }
}
