package dev.vidgate.jobs;

/** Lets the dispatcher tell a running job to stop because the store says it is no longer ours. */
final class JobControl {
    private volatile boolean stopRequested;

    /** Asks the job to stop; true the first time. */
    boolean stop() {
        boolean first = !stopRequested;
        stopRequested = true;
        return first;
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
