package dev.vidgate.api.admin;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /admin/v1/jobs}, the console's job log: filters, paging and each job's money, over real HTTP. */
class JobLogAdminApiTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp user = server.http();
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);

    @Test
    void theLogPagesEveryJobNewestFirstFiltersByStatusAndModelAndShowsTheMoneyOfACancelledJob() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = ok(user.postJson("/v1/videos", "{\"prompt\":\"log " + i + "\",\"seconds\":\"4\"}")).get("id").asString();
            ok(user.post("/v1/videos/" + id + "/cancel", "application/json", new byte[0]));
            made.addFirst(id);
        }
        JsonNode first = ok(admin.get("/admin/v1/jobs?limit=3&status=cancelled"));
        JsonNode second = ok(admin.get("/admin/v1/jobs?limit=3&status=cancelled&after=" + first.get("last_id").asString()));
        List<String> seen = new ArrayList<>();
        first.get("data").forEach(j -> seen.add(j.get("id").asString()));
        second.get("data").forEach(j -> seen.add(j.get("id").asString()));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(seen).containsExactlyElementsOf(made);

        JsonNode job = first.get("data").get(0);
        assertThat(job.get("status").asString()).isEqualTo("cancelled");
        assertThat(job.get("engine").asString()).isEqualTo("builtin");
        assertThat(job.get("channel").isNull()).as("a local engine has no channel").isTrue();
        assertThat(job.get("held").asLong()).isEqualTo(400_000);
        assertThat(job.get("refunded").asLong()).isEqualTo(400_000);
        assertThat(job.get("charged").asLong()).isZero();
        assertThat(ok(admin.get("/admin/v1/jobs?model=sora-2-pro")).get("data")).isEmpty();
        assertThat(ok(admin.get("/admin/v1/jobs?tenant=default&from=0")).get("data").size()).isGreaterThanOrEqualTo(5);
        assertThat(ok(admin.get("/admin/v1/jobs?to=1")).get("data")).isEmpty();
        assertError(admin.get("/admin/v1/jobs?status=done"), 400, null, "status", "invalid_value");
        assertError(admin.get("/admin/v1/jobs?from=yesterday"), 400, null, "from", "invalid_value");
        assertError(user.get("/admin/v1/jobs"), 401, null, null, "invalid_api_key");
    }
}
