package dev.vidgate.webhooks;

import dev.vidgate.common.ApiException;
import dev.vidgate.common.Change;

import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The webhook use cases, for the admin API, the key holders' {@code /v1/webhooks} and the commands alike. Calls that
 * name a tenant see only that tenant's endpoints (another tenant's answer 404, as a missing one does); the admin passes
 * none. Only the admin may allow an endpoint private addresses.
 */
public final class Webhooks {
    private final WebhookStore store;
    private final InstantSource clock;
    private final EndpointUrls urls;
    private final boolean allowPrivateEverywhere;

    public Webhooks(WebhookStore store, InstantSource clock, boolean allowPrivateEverywhere) {
        this(store, clock, allowPrivateEverywhere, new EndpointUrls(InetAddress::getAllByName));
    }

    Webhooks(WebhookStore store, InstantSource clock, boolean allowPrivateEverywhere, EndpointUrls urls) {
        this.store = store;
        this.clock = clock;
        this.allowPrivateEverywhere = allowPrivateEverywhere;
        this.urls = urls;
    }

    /** A new endpoint for {@code tenantId}; {@code events} null means OpenAI's two. */
    public CreatedEndpoint create(String tenantId, String url, Collection<String> events, boolean allowPrivate) {
        String checked = urls.check(url, allowPrivate || allowPrivateEverywhere);
        Set<EventType> types = events == null ? EventType.DEFAULT : parse(events);
        String secret = WebhookSigner.newSecret();
        var endpoint = new Endpoint(WebhookIds.endpoint(), tenantId, checked, types, true, allowPrivate, secret, null, null, null,
                null, clock.instant());
        store.insertEndpoint(endpoint);
        return new CreatedEndpoint(endpoint, secret);
    }

    /** The endpoint, if it exists and (when {@code tenantId} is given) belongs to that tenant; else 404. */
    public Endpoint get(String tenantId, String id) {
        return store.endpoint(id).filter(e -> tenantId == null || e.tenantId().equals(tenantId))
                .orElseThrow(() -> WebhookErrors.endpointNotFound(id));
    }

    public List<Endpoint> list(String tenantId, String afterId, int limit, boolean ascending) {
        if (afterId != null) get(tenantId, afterId);
        return store.endpoints(tenantId, afterId, limit, ascending);
    }

    public void delete(String tenantId, String id) {
        store.delete(get(tenantId, id).id());
    }

    /** A new secret, shown once; the old one signs alongside it for {@link Endpoint#ROTATION_OVERLAP}. */
    public CreatedEndpoint rotate(String tenantId, String id) {
        Endpoint endpoint = get(tenantId, id);
        String secret = WebhookSigner.newSecret();
        store.rotate(endpoint.id(), secret, clock.instant().plus(Endpoint.ROTATION_OVERLAP));
        return new CreatedEndpoint(get(tenantId, id), secret);
    }

    /** The admin's change: URL, events, enabled, private addresses. A new URL is checked as at create. */
    public Endpoint update(String id, Change<String> url, Change<Collection<String>> events, Change<Boolean> enabled,
                           Change<Boolean> allowPrivate) {
        Endpoint current = get(null, id);
        boolean mayPrivate = allowPrivate.orElse(current.allowPrivate()) || allowPrivateEverywhere;
        Change<String> checkedUrl = url.present() ? Change.to(urls.check(url.value(), mayPrivate)) : Change.keep();
        if (!url.present() && allowPrivate.present() && !mayPrivate) urls.check(current.url(), false);
        Change<Set<EventType>> types = events.map(Webhooks::parse);
        return store.update(id, new EndpointChanges(checkedUrl, types, enabled, allowPrivate))
                .orElseThrow(() -> WebhookErrors.endpointNotFound(id));
    }

    public List<Delivery> deliveries(String tenantId, String endpointId, String afterId, int limit, boolean ascending) {
        get(tenantId, endpointId);
        if (afterId != null) delivery(endpointId, afterId);
        return store.deliveries(endpointId, afterId, limit, ascending);
    }

    public Delivery delivery(String endpointId, String deliveryId) {
        return store.delivery(deliveryId).filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> WebhookErrors.deliveryNotFound(deliveryId));
    }

    public List<DeliveryAttempt> attempts(String deliveryId) {
        return store.attempts(deliveryId);
    }

    /** Sends a delivery again now, with the same webhook-id. */
    public Delivery redeliver(String endpointId, String deliveryId) {
        get(null, endpointId);
        delivery(endpointId, deliveryId);
        store.redeliver(deliveryId, clock.instant());
        return delivery(endpointId, deliveryId);
    }

    private static Set<EventType> parse(Collection<String> names) {
        if (names.isEmpty()) throw WebhookErrors.events("'events' must name at least one of: video.completed, video.failed, video.cancelled.");
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            types.add(EventType.parse(name).orElseThrow(() -> WebhookErrors.events("Unknown event '" + ApiException.echo(name, 40)
                    + "': expected video.completed, video.failed or video.cancelled.")));
        }
        return types;
    }
}
