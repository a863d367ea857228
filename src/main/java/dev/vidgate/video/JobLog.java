package dev.vidgate.video;

import java.time.Instant;
import java.util.List;

/**
 * The operator's job log: jobs of every tenant, filtered and paged like the API's lists, each with what it moved in the
 * ledger. Read only.
 */
public interface JobLog {

    /** Jobs matching {@code filter}, after an exclusive cursor (a job id, or null), newest first unless {@code ascending}. */
    List<Entry> find(Filter filter, String afterId, int limit, boolean ascending);

    /**
     * Every field is optional (null: any); {@code from} inclusive and {@code to} exclusive bound the creation time;
     * {@code channel} is the relay channel a job was sent to.
     */
    record Filter(String tenantId, String keyId, VideoStatus status, String model, String engine, String channel, Instant from,
                  Instant to) {}

    /** A job and its money in micro-credits: held at create, charged at settle, given back (settle's rest or release). */
    record Entry(Video video, long held, long charged, long refunded) {}
}
