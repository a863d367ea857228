package dev.vidgate.api.console;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's sign-in over real HTTP: the cookie, the CSRF token, the bridge to /v1 and /admin/v1, sign-out. */
class ConsoleSessionTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp anonymous = server.http(null);
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);

    record Session(String cookie, String csrf, JsonNode body) {}

    static Session signIn(String key) {
        return signIn(anonymous, key);
    }

    static Session signIn(RawHttp http, String key) {
        HttpResponse<String> r = http.postJson("/console/session", "{\"key\":\"" + key + "\"}");
        JsonNode body = ok(r);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Session(setCookie.substring(0, setCookie.indexOf(';')), body.get("csrf_token").asString(), body);
    }

    @Test
    void anApiKeyIsExchangedForAnHttpOnlyStrictCookieThatActsAsTheKeyWithoutTheKeyInTheRequest() {
        HttpResponse<String> r = anonymous.postJson("/console/session", "{\"key\":\"" + TestServer.API_KEY + "\"}");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain(TestServer.API_KEY);
        assertThat(r.body()).doesNotContain(TestServer.API_KEY);
        Session s = signIn(TestServer.API_KEY);
        assertThat(s.body().get("role").asString()).isEqualTo("tenant");

        assertThat(ok(anonymous.get("/v1/videos", "Cookie", s.cookie())).get("object").asString()).isEqualTo("list");
        assertThat(ok(anonymous.get("/console/session", "Cookie", s.cookie())).get("csrf_token").asString()).isEqualTo(s.csrf());
        assertError(anonymous.get("/admin/v1/tenants", "Cookie", s.cookie()), 401, null, null, "invalid_api_key");
    }

    @Test
    void anUnsafeRequestOfASessionNeedsItsCsrfTokenInAHeader() {
        Session s = signIn(TestServer.API_KEY);
        String body = "{\"prompt\":\"a lantern\",\"seconds\":\"4\"}";
        assertError(anonymous.postJson("/v1/videos", body, "Cookie", s.cookie()), 403, null, null, "csrf_token_invalid");
        assertError(anonymous.postJson("/v1/videos", body, "Cookie", s.cookie(), "X-CSRF-Token", "wrong"), 403, null, null, "csrf_token_invalid");
        JsonNode video = ok(anonymous.postJson("/v1/videos", body, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf()));
        assertThat(video.get("status").asString()).isEqualTo("queued");
    }

    @Test
    void theAdminKeyOpensTheOperatorsViewOfTheAdminApi() {
        Session s = signIn(TestServer.ADMIN_KEY);
        assertThat(s.body().get("role").asString()).isEqualTo("operator");
        assertThat(ok(anonymous.get("/admin/v1/tenants", "Cookie", s.cookie())).get("object").asString()).isEqualTo("list");
        assertThat(ok(anonymous.postJson("/admin/v1/tenants", "{\"name\":\"console-made\"}", "Cookie", s.cookie(),
                "X-CSRF-Token", s.csrf())).get("name").asString()).isEqualTo("console-made");
        assertError(anonymous.get("/v1/videos", "Cookie", s.cookie()), 401, null, null, null);
    }

    @Test
    void signingOutEndsTheSessionOnTheServerSoTheOldCookieNoLongerWorks() {
        Session s = signIn(TestServer.API_KEY);
        assertError(anonymous.delete("/console/session", "Cookie", s.cookie()), 403, null, null, "csrf_token_invalid");
        HttpResponse<String> out = anonymous.delete("/console/session", "Cookie", s.cookie(), "X-CSRF-Token", s.csrf());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertError(anonymous.get("/v1/videos", "Cookie", s.cookie()), 401, null, null, null);
        assertError(anonymous.get("/console/session", "Cookie", s.cookie()), 401, null, null, null);
    }

    @Test
    void aRotatedKeyEndsTheSessionsOpenedWithItsOldSecret() {
        JsonNode tenant = ok(admin.postJson("/admin/v1/tenants", "{\"name\":\"rotators\"}"));
        JsonNode key = ok(admin.postJson("/admin/v1/keys", "{\"tenant\":\"rotators\"}"));
        Session s = signIn(key.get("secret").asString());
        assertThat(ok(anonymous.get("/v1/videos", "Cookie", s.cookie())).get("object").asString()).isEqualTo("list");
        ok(admin.postJson("/admin/v1/keys/" + key.get("id").asString() + "/rotate", "{}"));
        assertError(anonymous.get("/v1/videos", "Cookie", s.cookie()), 401, null, null, "invalid_api_key");
        assertThat(tenant.get("id").asString()).startsWith("ten_");
    }

    @Test
    void aSessionOutlivesARestartOfTheServerBecauseItIsKeptInTheDatabase(@TempDir Path dataDir) {
        Session s;
        try (TestServer first = TestServer.start(dataDir)) {
            s = signIn(new RawHttp(first.baseUrl(), null), TestServer.API_KEY);
        }
        try (TestServer second = TestServer.start(dataDir)) {
            RawHttp again = new RawHttp(second.baseUrl(), null);
            assertThat(ok(again.get("/v1/videos", "Cookie", s.cookie())).get("object").asString()).isEqualTo("list");
        }
    }

    @Test
    void aWrongKeyOpensNoSessionAndIsNotEchoed() {
        HttpResponse<String> r = anonymous.postJson("/console/session", "{\"key\":\"sk-wrong-0123456789abcdefghijkl\"}");
        assertError(r, 401, null, null, "invalid_api_key");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body()).doesNotContain("sk-wrong-0123456789abcdefghijkl");
        assertError(anonymous.post("/console/session", "application/x-www-form-urlencoded",
                ("key=" + TestServer.API_KEY).getBytes()), 400, null, null, "invalid_content_type");
    }

    @Test
    void consolePagesCarryStrictSecurityHeaders() {
        HttpResponse<String> page = anonymous.get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(anonymous.get("/console/vendor/uplot/uPlot.esm.js").statusCode()).isEqualTo(200);
        assertThat(json(anonymous.get("/console/session")).get("error").get("code").asString()).isEqualTo("invalid_api_key");
    }
}
