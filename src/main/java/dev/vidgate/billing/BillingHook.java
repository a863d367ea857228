package dev.vidgate.billing;

import dev.vidgate.video.TransitionHook;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;

import java.time.InstantSource;

/**
 * Money and the exact per-key limits, inside the job store's winning transactions: a create checks the key's queue
 * cap, then holds the price of what it asks for in the price's unit (price x seconds, one clip, or the tokens its
 * frames count), the audio surcharge included when it asks for sound (or is refused, and the job is not inserted); a
 * completion settles on what the provider reported (its tokens, else the seconds delivered), never more than the
 * hold; a failure or cancel releases the hold. Since the job store calls this only for the winner of each
 * transition, and the ledger allows one hold and one close per job, no retry or race moves money twice.
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
        // generate_audio left out asks for the model's default, which is silence where sound is optional (Kling's sound
        // is off unless asked for)
        created(v, Boolean.TRUE.equals(v.options().generateAudio()));
    }

    /** Holds the price of {@code v}, with the audio surcharge when {@code withAudio} and the model's sound is optional. */
    public void created(Video v, boolean withAudio) {
        // The key is locked before the tenant, the order every transaction here takes them in.
        KeyStore.QueueCheck queue = keys.checkQueue(v.keyId());
        if (queue.exceeded()) throw BillingErrors.queueFull(v.keyId(), queue.queued(), queue.cap());
        ModelSpec spec = catalog.find(v.model()).orElse(null);
        String model = spec == null ? v.model() : spec.name();
        String resolution = spec == null ? Resolution.of(v.size()) : spec.resolutionOf(v.size());
        Price price = prices.priceOf(model, resolution).orElseThrow(() -> BillingErrors.notPriced(model, resolution));
        boolean audio = withAudio && spec != null && spec.can().audio() == Audio.OPTIONAL && price.audioSurcharge() != null;
        var hold = new Hold(v.tenantId(), v.keyId(), v.id(), model, resolution, v.billedSeconds(), price.unit(),
                price.unit().quantity(v.size(), v.billedSeconds()), price.unitPrice(audio), audio, v.createdAt());
        if (ledger.hold(hold) instanceof HoldOutcome.Refused refused) throw BillingErrors.refused(refused, describe(hold));
    }

    @Override
    public void finished(Video before, Video after) {
        if (after.status() == VideoStatus.COMPLETED) {
            ledger.settle(after.id(), new Delivery(after.billed(after.deliveredSeconds()), after.usage().tokens()), clock.instant());
        } else {
            ledger.release(after.id(), clock.instant());
        }
    }

    /** "4 s of sora-2 720p at 0.1 credits per second", "... 108000 tokens at 0.0025 credits per 1,000 tokens". */
    private static String describe(Hold h) {
        String job = h.seconds() + " s of " + h.model() + " " + h.resolution() + (h.audio() ? " with sound" : "");
        String price = Money.credits(h.unitPrice()) + " credits per ";
        return switch (h.unit()) {
            case SECOND -> job + " at " + price + "second";
            case CLIP -> job + " at " + price + "clip";
            case THOUSAND_TOKENS -> job + ", " + h.quantity() + " tokens at " + price + "1,000 tokens";
        };
    }
}
