package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.AdapterCalls;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One channel's connection to Runway. A create goes to {@code image_to_video} when there is a first or last frame and
 * to {@code text_to_video} otherwise; a task is polled, cancelled and deleted under {@code /v1/tasks/{id}}. Result URLs
 * expire within a day or two: a download that finds its URL gone asks the task for a fresh one once.
 */
final class RunwayClient implements ProviderClient {
    /** The API version every request names; Runway refuses requests without it. */
    static final String VERSION = "2024-11-06";

    private final ChannelSettings settings;
    private final Transport transport;
    private final ObjectMapper json;
    private final UpstreamAnswers answers;
    private final RunwayTasks tasks;
    private final String root;

    RunwayClient(ChannelSettings settings, Transport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        String key = settings.apiKey() == null ? null : settings.apiKey().reveal();
        this.answers = new UpstreamAnswers(json, key);
        this.tasks = new RunwayTasks(json, answers, key);
        this.root = settings.baseUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public UpstreamVideo create(Submission submission) throws UpstreamException, InterruptedException {
        RunwayRequest body = RunwayRequest.of(submission, json);
        HttpRequest post = request("/v1/" + body.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body.json())))
                .build();
        return transport.observed(() -> tasks.created(transport.exchange(post)));
    }

    @Override
    public Polled retrieve(String id) throws UpstreamException, InterruptedException {
        HttpRequest get = request("/v1/tasks/" + AdapterCalls.segment(id)).GET().build();
        return transport.observed(id, () -> new Polled(tasks.task(transport.exchange(get), id), null));
    }

    @Override
    public long download(UpstreamVideo finished, Path target, long maxBytes, Duration timeout) throws UpstreamException, InterruptedException {
        try {
            return AdapterCalls.signedDownload(transport, finished, target, maxBytes, timeout);
        } catch (UpstreamException e) {
            if (e.kind() != Kind.NOT_FOUND) throw e;
            // "fetch the task again to get fresh URLs" (Runway's task docs)
            UpstreamVideo fresh = retrieve(finished.id()).video();
            if (fresh.phase() != UpstreamPhase.SUCCEEDED || fresh.locator() == null || fresh.locator().equals(finished.locator())) throw e;
            return AdapterCalls.signedDownload(transport, fresh, target, maxBytes, timeout);
        }
    }

    /** Runway cancels a task that is pending, throttled or running, and deletes one that has ended: the same call. */
    @Override
    public void cancel(String id) throws UpstreamException, InterruptedException {
        delete(id);
    }

    @Override
    public void delete(String id) throws UpstreamException, InterruptedException {
        HttpRequest delete = request("/v1/tasks/" + AdapterCalls.segment(id)).DELETE().build();
        AdapterCalls.acknowledged(transport, id, delete, tasks::failure);
    }

    private HttpRequest.Builder request(String path) {
        return AdapterCalls.bearer(transport.request(URI.create(root + path)).header("X-Runway-Version", VERSION), settings.apiKey());
    }
}
