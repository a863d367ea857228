package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job log's filters over real HTTP, on a tenant's {@code GET /v1/videos} and the operator's {@code /admin/v1/jobs}:
 * combined, paged with the cursor, never outside the caller's tenant, and a 400 naming the parameter for a value that
 * names nothing known. The server has no worker, so jobs stay where the test leaves them.
 */
class JobLogFiltersApiTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().with("vidgate.roles", "api");
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);
    static RawHttp studio;
    static RawHttp rival;
    static String studioKey;
    static String rivalKey;
    static final List<String> cancelled = new ArrayList<>();
    static final List<String> queued = new ArrayList<>();
    static String pro;
    static String rivalJob;

    @BeforeAll
    static void twoTenantsWithJobs() {
        var calls = new AdminCalls(admin);
        for (String name : List.of("studio", "rival")) {
            calls.tenant(name, "");
            calls.topUp(name, 100_000_000);
        }
        JsonNode s = calls.key("studio", "");
        JsonNode r = calls.key("rival", "");
        studioKey = s.get("id").asString();
        rivalKey = r.get("id").asString();
        studio = server.http(s.get("secret").asString());
        rival = server.http(r.get("secret").asString());
        for (int i = 0; i < 5; i++) {
            String id = create(studio, "sora-2", "job " + i);
            if (i % 2 == 0) {
                ok(studio.post("/v1/videos/" + id + "/cancel", "application/json", new byte[0]));
                cancelled.addFirst(id);
            } else {
                queued.addFirst(id);
            }
        }
        pro = create(studio, "sora-2-pro", "a pro job");
        rivalJob = create(rival, "sora-2", "the rival's job");
    }

    @Test
    void aTenantsFiltersCombineAndItsCursorPagesThroughTheFilteredJobsOnly() {
        assertThat(ids(studio, "/v1/videos?status=cancelled&limit=2", true)).containsExactlyElementsOf(cancelled);
        assertThat(ids(studio, "/v1/videos?status=queued&model=sora-2&key=" + studioKey, true)).containsExactlyElementsOf(queued);
        assertThat(ids(studio, "/v1/videos?model=sora-2-pro&engine=builtin", false)).containsExactly(pro);
        assertThat(ids(studio, "/v1/videos?status=cancelled&order=asc&limit=1", true)).containsExactlyElementsOf(cancelled.reversed());
        long now = server.clock().instant().getEpochSecond();
        assertThat(ids(studio, "/v1/videos?created_after=" + (now + 60), false)).isEmpty();
        assertThat(ids(studio, "/v1/videos?created_after=" + (now - 600) + "&created_before=" + (now + 60), true)).hasSize(6);
        JsonNode page = ok(studio.get("/v1/videos?status=cancelled&limit=2"));
        assertThat(page.get("first_id").asString()).isEqualTo(cancelled.getFirst());
        assertThat(page.get("last_id").asString()).isEqualTo(cancelled.get(1));
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void aTenantNeverSeesAnotherTenantsJobsWhateverItFiltersBy() {
        assertThat(ids(studio, "/v1/videos?model=sora-2&limit=100", false)).doesNotContain(rivalJob).hasSize(5);
        assertThat(ids(rival, "/v1/videos?status=queued", false)).containsExactly(rivalJob);
        assertError(studio.get("/v1/videos?key=" + rivalKey), 400, null, "key", "invalid_value");
        assertError(studio.get("/v1/videos?status=queued&after=" + rivalJob), 404, null, null, null);
        assertError(studio.get("/v1/videos?channel=main"), 400, null, "channel", "invalid_value");
    }

    @Test
    void aValueThatNamesNothingKnownIsRefusedNamingItsParameter() {
        var refused = studio.get("/v1/videos?status=done");
        assertError(refused, 400, null, "status", "invalid_value");
        assertRequestId(refused);
        assertError(studio.get("/v1/videos?model=sora-9"), 400, null, "model", "invalid_value");
        assertError(studio.get("/v1/videos?engine=warp"), 400, null, "engine", "invalid_value");
        assertError(studio.get("/v1/videos?key=key_nothing"), 400, null, "key", "invalid_value");
        assertError(studio.get("/v1/videos?created_after=yesterday"), 400, null, "created_after", "invalid_value");
        assertError(studio.get("/v1/videos?created_before=1.5"), 400, null, "created_before", "invalid_value");
        assertError(admin.get("/admin/v1/jobs?channel=nowhere"), 400, null, "channel", "invalid_value");
        assertError(admin.get("/admin/v1/jobs?key=key_nothing"), 400, null, "key", "invalid_value");
        assertError(admin.get("/admin/v1/jobs?model=sora-9"), 400, null, "model", "invalid_value");
    }

    @Test
    void theOperatorFiltersEveryTenantOrOneByKeyStatusAndTime() {
        long now = server.clock().instant().getEpochSecond();
        assertThat(ids(admin, "/admin/v1/jobs?tenant=studio&status=cancelled&created_after=" + (now - 600) + "&limit=2", true))
                .containsExactlyElementsOf(cancelled);
        assertThat(ids(admin, "/admin/v1/jobs?key=" + rivalKey, false)).containsExactly(rivalJob);
        assertThat(ids(admin, "/admin/v1/jobs?status=queued&model=sora-2&limit=100", true)).containsAll(queued).contains(rivalJob);
        assertThat(ids(admin, "/admin/v1/jobs?tenant=studio&created_before=" + (now - 600), false)).isEmpty();
    }

    @Test
    void theOpenApiDocumentListsEveryFilterOfBothLists() {
        JsonNode paths = ok(server.http(null).get("/openapi.json")).get("paths");
        assertThat(parameters(paths.get("/v1/videos"))).contains("status", "model", "engine", "key", "created_after", "created_before");
        assertThat(parameters(paths.get("/admin/v1/jobs")))
                .contains("tenant", "status", "model", "engine", "channel", "key", "created_after", "created_before");
    }

    private static List<String> parameters(JsonNode path) {
        List<String> names = new ArrayList<>();
        path.get("get").get("parameters").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private static String create(RawHttp http, String model, String prompt) {
        return ok(http.postJson("/v1/videos", "{\"prompt\":\"" + prompt + "\",\"seconds\":\"4\",\"model\":\"" + model + "\"}"))
                .get("id").asString();
    }

    /** The ids of the list's first page, or of every page when {@code allPages}, following {@code last_id}. */
    private static List<String> ids(RawHttp http, String path, boolean allPages) {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = ok(http.get(path + (after == null ? "" : "&after=" + after)));
            page.get("data").forEach(v -> seen.add(v.get("id").asString()));
            after = page.get("has_more").asBoolean() ? page.get("last_id").asString() : null;
        } while (allPages && after != null);
        return seen;
    }
}
