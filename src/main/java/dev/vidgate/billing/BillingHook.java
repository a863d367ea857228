package dev.vidgate.billing;

import dev.vidgate.video.TransitionHook;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;

import java.time.InstantSource;

/**
 * Money and the exact per-key limits, inside the job store's winning transactions: a create checks the
 * key's queue cap, then holds price x requested seconds (or is refused, and the job is not inserted);
 * a completion settles on the seconds delivered; a failure or cancel releases the hold. Since the job
 * store calls this only for the winner of each transition, and the ledger allows one hold and one
 * close per job, no retry or race moves money twice.
 */
public final class BillingHook implements TransitionHook {
    private final Ledger ledger;
    private final PriceBook prices;
    private final KeyStore keys;
    private final ModelCatalog catalog;
    private final InstantSource clock;

    public BillingHook(Ledger ledger, PriceBook prices, KeyStore keys, ModelCatalog catalog, InstantSource clock) {
        this.ledger = ledger;
        this.prices = prices;
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void created(Video v) {
        // The key is locked before the tenant, the order every transaction here takes them in.
        KeyStore.QueueCheck queue = keys.checkQueue(v.keyId());
        if (queue.exceeded()) throw BillingErrors.queueFull(v.keyId(), queue.queued(), queue.cap());
        ModelSpec spec = catalog.find(v.model()).orElse(null);
        String model = spec == null ? v.model() : spec.name();
        String resolution = spec == null ? Resolution.of(v.size()) : spec.resolutionOf(v.size());
        long price = prices.priceOf(model, resolution).orElseThrow(() -> BillingErrors.notPriced(model, resolution));
        // A price per clip or per 1,000 tokens is held (and settled) as its equivalent per second.
        long unitPrice = spec == null ? price : spec.pricing().perSecond(price, v.size(), v.seconds());
        var hold = new Hold(v.tenantId(), v.keyId(), v.id(), model, resolution, v.seconds(), unitPrice, v.createdAt());
        if (ledger.hold(hold) instanceof HoldOutcome.Refused refused) {
            throw BillingErrors.refused(refused, v.seconds() + " s of " + model + " " + resolution + " at "
                    + Money.credits(unitPrice) + " credits per second");
        }
    }

    @Override
    public void finished(Video before, Video after) {
        if (after.status() == VideoStatus.COMPLETED) {
            ledger.settle(after.id(), after.deliveredSeconds(), clock.instant());
        } else {
            ledger.release(after.id(), clock.instant());
        }
    }
}
