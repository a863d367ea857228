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
 * @param load      how many jobs every node together runs on a channel now (providers count running tasks per
 *                  account, so a channel's {@code max-in-flight} holds for the whole cluster, not for each node)
 */
public record RelayServices(ModelCatalog catalog, Submission.ImageLinks links, URI publicUrl, ClusterLoad load) {

    public RelayServices {
        Objects.requireNonNull(catalog, "catalog");
        if (links == null) links = Submission.ImageLinks.NONE;
        if (load == null) load = ClusterLoad.NONE;
    }

    /** Services for one node alone: each channel's jobs in flight are this node's. */
    public RelayServices(ModelCatalog catalog, Submission.ImageLinks links, URI publicUrl) {
        this(catalog, links, publicUrl, ClusterLoad.NONE);
    }

    /** Jobs running on a channel across the cluster. */
    @FunctionalInterface
    public interface ClusterLoad {
        /** Jobs any node runs on {@code channel} now (an estimate: a job counts once its handle is stored). */
        int inProgress(String channel);

        ClusterLoad NONE = channel -> 0;
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
