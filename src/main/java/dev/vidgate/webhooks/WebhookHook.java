package dev.vidgate.webhooks;

import dev.vidgate.video.TransitionHook;
import dev.vidgate.video.Video;

import java.time.InstantSource;

/**
 * The outbox: a job's winning move to a final state writes its event's deliveries in the same transaction (the job
 * store calls this only for the winner), so a client hears of each finished job once per endpoint, and never of a
 * change that rolled back. Once the transaction commits, {@code recorded} wakes the local deliverer.
 */
public final class WebhookHook implements TransitionHook {
    private final WebhookStore store;
    private final InstantSource clock;
    private final Runnable recorded;

    public WebhookHook(WebhookStore store, InstantSource clock, Runnable recorded) {
        this.store = store;
        this.clock = clock;
        this.recorded = recorded;
    }

    @Override
    public void created(Video created) {
        // no event: OpenAI sends none for a new job
    }

    @Override
    public void finished(Video before, Video after) {
        EventType.of(after.status()).ifPresent(type -> {
            var event = new WebhookEvent(WebhookIds.event(), type, after.id(), after.tenantId(), clock.instant());
            if (store.record(event, WebhookIds::delivery) > 0) store.afterCommit(recorded);
        });
    }
}
