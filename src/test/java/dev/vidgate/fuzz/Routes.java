package dev.vidgate.fuzz;

import dev.vidgate.fuzz.Draft.Form;
import dev.vidgate.fuzz.Draft.Json;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.testsupport.TestServer;

import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.fuzz.Draft.jsonString;

/**
 * The catalogue of routes the fuzz suite attacks: every route of the API and the admin API (and the SPEC
 * routes not served yet, which must answer 404 just as cleanly), each as one well-formed request that the
 * mutations then bend. The ids are those of the {@link Fixture}: a completed video, a video that waits,
 * a video to cancel, a tenant and a key made for the run.
 */
final class Routes {
    private Routes() {}

    /** The ids a run works on, made before it starts. */
    record Fixture(String completed, String waiting, String cancellable, String tenant, String key) {}

    /**
     * A well-formed request to one route; {@code admin} says which key it carries, {@code id} is the id in
     * its path (a video, tenant, key, model), or null.
     */
    record Route(String name, boolean admin, String id, Draft draft) {
        boolean isJson() {
            return draft.body instanceof Json;
        }

        boolean isForm() {
            return draft.body instanceof Form;
        }

        boolean isPost() {
            return draft.method.equals("POST");
        }
    }

    static List<Route> all(Fixture f) {
        byte[] reference = TestImages.png(720, 1280);
        List<Route> routes = new ArrayList<>();
        // ---- /v1 (the API key) ----
        routes.add(user("create-json", post("/v1/videos", Json.of("prompt", jsonString("a lighthouse in fog"),
                "model", jsonString("sora-2"), "size", jsonString("720x1280"), "seconds", jsonString("4")))));
        routes.add(user("create-multipart", post("/v1/videos", Form.of("prompt", "a lighthouse in fog", "model", "sora-2",
                "size", "720x1280", "seconds", "4").file("input_reference", "reference.png", "image/png", reference))));
        routes.add(route("create-azure-alias", false, post("/openai/v1/videos", Json.of("prompt", jsonString("a harbour at night")))
                .header("api-key", TestServer.API_KEY)));
        routes.add(user("retrieve", get("/v1/videos/" + f.completed())));
        routes.add(user("list", get("/v1/videos", "limit", "5", "order", "asc", "after", f.completed())));
        routes.add(user("content", get("/v1/videos/" + f.completed() + "/content", "variant", "thumbnail")));
        routes.add(user("delete", new Draft("DELETE", "/v1/videos/" + f.waiting())));
        routes.add(user("remix-json", post("/v1/videos/" + f.completed() + "/remix", Json.of("prompt", jsonString("the same at dawn")))));
        routes.add(user("remix-multipart", post("/v1/videos/" + f.completed() + "/remix", Form.of("prompt", "the same at dawn"))));
        routes.add(user("cancel", post("/v1/videos/" + f.cancellable() + "/cancel", Draft.Body.NONE)));
        routes.add(user("usage", get("/v1/usage", "from", "2026-01-01", "to", "2026-12-31", "scope", "tenant")));
        // SPEC routes that are not served (yet): a clean 404 or 405 too.
        routes.add(user("models", get("/v1/models")));
        routes.add(user("model", get("/v1/models/sora-2")));
        routes.add(user("edits", post("/v1/videos/edits", Json.of("prompt", jsonString("p"), "video", "{\"id\":" + jsonString(f.completed()) + "}"))));
        routes.add(user("character", get("/v1/videos/characters/char_123")));
        // ---- /admin/v1 (the admin key) ----
        routes.add(admin("tenants-create", post("/admin/v1/tenants", Json.of("name", jsonString("fuzz-made"), "credit_limit", "1000000"))));
        routes.add(admin("tenants-list", get("/admin/v1/tenants", "limit", "5", "order", "asc")));
        routes.add(admin("tenant-get", get("/admin/v1/tenants/" + f.tenant())));
        routes.add(admin("tenant-update", post("/admin/v1/tenants/" + f.tenant(), Json.of("default_max_concurrent", "2",
                "daily_limit", "5000000", "disabled", "false"))));
        routes.add(admin("topup", post("/admin/v1/tenants/" + f.tenant() + "/topups", Json.of("amount", "1000000", "reason", jsonString("fuzz")))));
        routes.add(admin("adjustment", post("/admin/v1/tenants/" + f.tenant() + "/adjustments", Json.of("amount", "-1", "reason", jsonString("fuzz")))));
        routes.add(admin("ledger", get("/admin/v1/ledger", "tenant", f.tenant(), "limit", "5", "order", "desc")));
        routes.add(admin("reconciliation", get("/admin/v1/reconciliation")));
        routes.add(admin("keys-create", post("/admin/v1/keys", Json.of("tenant", jsonString(f.tenant()), "name", jsonString("fuzz"),
                "max_concurrent", "1", "allowed_models", "[\"sora-2\"]", "expires_at", "4102444800"))));
        routes.add(admin("keys-list", get("/admin/v1/keys", "tenant", f.tenant(), "limit", "5")));
        routes.add(admin("key-get", get("/admin/v1/keys/" + f.key())));
        routes.add(admin("key-update", post("/admin/v1/keys/" + f.key(), Json.of("name", jsonString("renamed"), "disabled", "false"))));
        routes.add(admin("key-rotate", post("/admin/v1/keys/" + f.key() + "/rotate", Draft.Body.NONE)));
        routes.add(admin("prices-list", get("/admin/v1/prices")));
        routes.add(admin("price-set", post("/admin/v1/prices", Json.of("model", jsonString("sora-2"), "resolution", jsonString("720p"),
                "price_per_second", "100000"))));
        routes.add(admin("price-reset", new Draft("DELETE", "/admin/v1/prices/sora-2/720p")));
        routes.add(admin("admin-usage", get("/admin/v1/usage", "tenant", f.tenant(), "from", "2026-01-01", "to", "2026-12-31")));
        routes.add(admin("admin-videos", get("/admin/v1/videos", "tenant", "default", "limit", "5")));
        routes.add(admin("admin-video", get("/admin/v1/videos/" + f.completed())));
        routes.add(admin("channels", get("/admin/v1/channels")));
        routes.add(admin("channel-test", post("/admin/v1/channels/builtin/test", Draft.Body.NONE)));
        // ---- the container's error page, reachable like any path ----
        routes.add(user("error-page", get("/error")));
        return routes;
    }

    private static Route user(String name, Draft d) {
        return route(name, false, d.header("Authorization", "Bearer " + TestServer.API_KEY));
    }

    private static Route admin(String name, Draft d) {
        return route(name, true, d.header("Authorization", "Bearer " + TestServer.ADMIN_KEY));
    }

    private static Route route(String name, boolean admin, Draft d) {
        String id = d.path.matches(".*/(videos|tenants|keys|models|characters|prices)/[^/]+(/.*)?") && !d.path.startsWith("/v1/videos/edits")
                ? d.path.replaceAll(".*/(videos|tenants|keys|models|characters|prices)/([^/]+).*", "$2") : null;
        return new Route(name, admin, id, d);
    }

    private static Draft get(String path, String... query) {
        Draft d = new Draft("GET", path);
        for (int i = 0; i + 1 < query.length; i += 2) d.query.add(new String[]{query[i], query[i + 1]});
        return d;
    }

    private static Draft post(String path, Draft.Body body) {
        Draft d = new Draft("POST", path);
        d.body = body;
        return d;
    }
}
