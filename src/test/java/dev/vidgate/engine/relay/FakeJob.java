package dev.vidgate.engine.relay;

/** One job a {@link FakeUpstream} holds: what was asked, and how often its status was requested. */
final class FakeJob {
    final String id;
    final String prompt;
    final String model;
    final String size;
    final String seconds;
    final String remixedFrom;
    final long createdAt = System.currentTimeMillis() / 1000;
    volatile int polls;
    volatile String forcedStatus;

    FakeJob(String id, String prompt, String model, String size, String seconds, String remixedFrom) {
        this.id = id;
        this.prompt = prompt;
        this.model = model;
        this.size = size;
        this.seconds = seconds;
        this.remixedFrom = remixedFrom;
    }
}
