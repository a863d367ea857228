package dev.vidgate.engine.relay.fal;

import java.util.regex.Pattern;

/**
 * A fal model path ({@code fal-ai/pika/v2.2/text-to-video}) and the queue request it made, which is all later calls
 * need: fal's queue answers status, result and cancel under the <em>app</em> (the first two segments,
 * {@code fal-ai/pika}) without the sub-path (fal's queue documentation: "the subpath should be used when making the
 * request, but not when getting request status or results"). The relay keeps only an id, so the id is
 * {@code <owner>/<app>/<request id>}: plain segments, well under the 400-character limit.
 */
record FalPath(String app, String requestId) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern MODEL = Pattern.compile(SEGMENT + "(/" + SEGMENT + "){1,5}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    /** Whether {@code path} is a fal model path: two to six plain segments. */
    static boolean valid(String path) {
        return path != null && MODEL.matcher(path).matches();
    }

    /** Whether fal's {@code request_id} can go into a path as it is. */
    static boolean validRequestId(String id) {
        return id != null && REQUEST_ID.matcher(id).matches();
    }

    /** The request {@code requestId} made at model path {@code model}. */
    static FalPath of(String model, String requestId) {
        String[] segments = model.split("/");
        return new FalPath(segments[0] + "/" + segments[1], requestId);
    }

    /** The request an id names, or {@code null} when the id is not one of ours. */
    static FalPath parse(String id) {
        int last = id == null ? -1 : id.lastIndexOf('/');
        if (last < 0) return null;
        String app = id.substring(0, last);
        String request = id.substring(last + 1);
        return valid(app) && app.indexOf('/') == app.lastIndexOf('/') && validRequestId(request) ? new FalPath(app, request) : null;
    }

    String id() { return app + "/" + requestId; }

    /** {@code {app}/requests/{id}}, the request's place in the queue; status and cancel hang below it. */
    String requestPath() { return app + "/requests/" + requestId; }
}
