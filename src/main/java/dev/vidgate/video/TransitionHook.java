package dev.vidgate.video;


/**
 * Work that must commit or roll back together with a job's state change: billing holds a job's
 * price when it is created and settles or releases it when the job finishes.
 *
 * <p>Contract: a {@link JobStore} calls the hook inside the same database transaction as the
 * winning change, and only for the winner, so a lost compare-and-set never reaches the hook and a
 * retried or raced transition is seen exactly once. Whatever the hook throws aborts the change: the
 * job is not inserted (or keeps its old state) and the exception reaches the caller unchanged. A
 * hook therefore writes only through the store's own transaction (the same {@code DataSource}).
 */
public interface TransitionHook {

    /** A new job was inserted (not an idempotent replay). Throwing refuses the create. */
    void created(Video created);

    /**
     * A job reached a final state: completed (bill {@link Video#deliveredSeconds()}), failed or
     * cancelled (release what {@link #created} held).
     */
    void finished(Video before, Video after);

    /** This hook, then {@code next}, in the same transaction. */
    default TransitionHook andThen(TransitionHook next) {
        TransitionHook first = this;
        return new TransitionHook() {
            @Override
            public void created(Video created) {
                first.created(created);
                next.created(created);
            }

            @Override
            public void finished(Video before, Video after) {
                first.finished(before, after);
                next.finished(before, after);
            }
        };
    }

    /** Does nothing: the default when billing is not wired. */
    TransitionHook NONE = new TransitionHook() {
        @Override public void created(Video created) {}
        @Override public void finished(Video before, Video after) {}
    };
}
