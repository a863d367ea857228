package dev.vidgate.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Usage statistics of a range of UTC days (both included), computed by the database over every row of the range, of one
 * tenant or of all (a null tenant): the money moved per day, the jobs created per hour by status, and the time from
 * create to complete per model. Read only.
 */
public interface UsageStats {

    Report report(String tenantId, UsageRange range);

    /** Every ledger row written in the range, in the order they were written, one at a time (never all in memory). */
    void eachMovement(String tenantId, UsageRange range, Consumer<Movement> each);

    /** A report: every list ordered by its first field; hours and days with nothing in them are left out. */
    record Report(List<DaySpend> spend, List<HourJobs> hourly, List<ModelLatency> latency) {
        public Report {
            spend = List.copyOf(spend);
            hourly = List.copyOf(hourly);
            latency = List.copyOf(latency);
        }

        /** Jobs created in the range with this status now ({@code COMPLETED}, {@code FAILED}, ...). */
        public long jobs(String status) {
            return hourly.stream().filter(h -> h.status().equals(status)).mapToLong(HourJobs::jobs).sum();
        }
    }

    /**
     * Micro-credits moved on one UTC day: held for new jobs, charged when jobs completed, and given back (a settle's rest
     * and whole releases).
     */
    record DaySpend(LocalDate day, long held, long charged, long refunded) {}

    /** Jobs created in one UTC hour that have {@code status} (the lifecycle's name, e.g. {@code COMPLETED}) now. */
    record HourJobs(Instant hour, String status, long jobs) {}

    /** Completed jobs of a model created in the range, and the median and 95th percentile of create-to-complete. */
    record ModelLatency(String model, long jobs, long p50Millis, long p95Millis) {}
}
