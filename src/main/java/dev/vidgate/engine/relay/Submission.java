package dev.vidgate.engine.relay;

import dev.vidgate.catalog.Format;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.engine.GenerationRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * A create, as the relay hands it to a {@link ProviderClient}: the Sora-shaped request and what routing
 * decided for this channel.
 *
 * @param request        the job as the client asked for it (size, seconds, prompt, optional fields)
 * @param upstreamModel  the provider's name for the model on this channel ({@code veo-3.1-fast-generate-001})
 * @param model          that model in the catalog, when the catalog knows it (its capabilities), else {@code null}
 * @param reference      the first-frame image to send (the request's, or a remix source's first frame), or {@code null}
 * @param idempotencyKey the key to send when the channel honours one, or {@code null}
 * @param links          short-lived public URLs for images, for providers that take only URLs
 * @param callbackUrl    where the provider may report the job's end (a per-job secret URL, see
 *                       {@link dev.vidgate.engine.UpstreamCallbacks}), or {@code null} when this gateway has no public
 *                       address; a hint only: the relay confirms by polling
 */
public record Submission(GenerationRequest request, String upstreamModel, ModelSpec model, byte[] reference,
                         String idempotencyKey, ImageLinks links, String callbackUrl) {

    /** A submission without a callback. */
    public Submission(GenerationRequest request, String upstreamModel, ModelSpec model, byte[] reference,
                      String idempotencyKey, ImageLinks links) {
        this(request, upstreamModel, model, reference, idempotencyKey, links, null);
    }

    public Submission {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        if (links == null) links = ImageLinks.NONE;
    }

    /**
     * The provider's aspect ratio and resolution tier for the requested size, as the model's catalog entry
     * lists them; empty when the catalog does not know the model or the size (the adapter then derives them).
     */
    public Optional<Format> format() {
        return model == null ? Optional.empty() : model.can().format(request.size());
    }

    /** The requested size's reduced aspect ratio ({@code 16:9}) and shorter side as tier ({@code 720p}), from the catalog if listed. */
    public Format formatOrDerived() {
        return format().orElseGet(() -> Format.of(request.size()));
    }

    /** Makes public, short-lived URLs for images a provider fetches itself. */
    @FunctionalInterface
    public interface ImageLinks {
        /**
         * A URL at which the provider can fetch {@code image} (a JPEG, PNG or WebP) for a limited time.
         *
         * @throws UpstreamException {@code REJECTED} with a clear message when no public URL is configured
         */
        String publish(String jobId, String name, byte[] image) throws UpstreamException;

        /** The job's upstream work ended: its published images may go (best effort; they also expire). */
        default void withdraw(String jobId) {}

        ImageLinks NONE = (jobId, name, image) -> {
            throw new UpstreamException(UpstreamException.Kind.REJECTED, "This provider fetches images from a URL, and this "
                    + "gateway has no public address to offer one: set vidgate.public-url.");
        };
    }
}
