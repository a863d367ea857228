package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;

import java.net.URI;
import java.util.Objects;

/**
 * What the relay uses from the rest of the gateway.
 *
 * @param catalog   describes the providers' models (aspect ratios and resolution tiers), looked up by the provider's
 *                  model id
 * @param links     publishes images for providers that fetch URLs
 * @param publicUrl this gateway's address as providers reach it ({@code vidgate.public-url}), for callbacks; or
 *                  {@code null}: no callbacks, polling only
 */
public record RelayServices(ModelCatalog catalog, Submission.ImageLinks links, URI publicUrl) {

    public RelayServices {
        Objects.requireNonNull(catalog, "catalog");
        if (links == null) links = Submission.ImageLinks.NONE;
    }

    /** The shipped catalog, no public address. */
    public static RelayServices defaults() {
        return new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, null);
    }

    /** The callback URL of the token, or {@code null} without a public address. */
    String callbackUrl(String token) {
        if (publicUrl == null) return null;
        return publicUrl.toString().replaceAll("/+$", "") + "/relay/callbacks/" + token;
    }
}
