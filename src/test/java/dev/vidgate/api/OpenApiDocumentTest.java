package dev.vidgate.api;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} against the running server: every route of the document answers (no {@code not_found}, no 405),
 * and every JSON answer, success or error, validates against the schema the document gives for it.
 */
class OpenApiDocumentTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp user = server.http();
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);
    static final RawHttp nobody = server.http(null);
    static final JsonMapper mapper = JsonMapper.builder().build();

    record Call(String method, String template, JsonNode operation) {}

    @Test
    void everyRouteOfTheDocumentAnswersAndItsAnswersMatchTheirSchemas() {
        JsonNode doc = ok(nobody.get("/openapi.json"));
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        String video = ok(user.postJson("/v1/videos", "{\"prompt\":\"an openapi sample\",\"seconds\":\"4\"}")).get("id").asString();
        ok(user.post("/v1/videos/" + video + "/cancel", "application/json", new byte[0]));
        String key = ok(admin.postJson("/admin/v1/keys", "{\"tenant\":\"default\",\"name\":\"openapi\"}")).get("id").asString();
        Map<String, String> values = Map.of("video_id", video, "model", "sora-2", "tenant", "default", "key_id", key, "resolution", "720p",
                "channel", "builtin");

        List<Call> calls = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!op.getKey().equals("parameters")) calls.add(new Call(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }
        calls.sort(Comparator.comparing(c -> c.method().equals("DELETE"))); // deletions last: the others need the video
        assertThat(calls).hasSizeGreaterThan(30);
        int validated = 0;
        for (Call call : calls) {
            String path = call.template();
            for (var v : values.entrySet()) path = path.replace("{" + v.getKey() + "}", v.getValue());
            if (path.equals("/admin/v1/videos")) path += "?tenant=default";
            RawHttp http = path.startsWith("/admin/") ? admin : path.startsWith("/v1/") ? user : nobody;
            HttpResponse<String> r = switch (call.method()) {
                case "GET" -> http.get(path);
                case "POST" -> http.postJson(path, path.equals("/admin/v1/keys/" + key) ? "{\"name\":\"renamed\"}" : "{}");
                case "DELETE" -> http.delete(path);
                default -> throw new AssertionError(call.method());
            };
            String where = call.method() + " " + call.template() + " answered " + r.statusCode() + " " + r.body();
            assertThat(r.statusCode()).as(where).isNotEqualTo(405);
            boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            if (r.statusCode() == 404) assertThat(json(r).get("error").get("code").asString()).as(where).isNotEqualTo("not_found");
            if (!json || call.template().equals("/openapi.json")) continue;
            JsonNode responses = call.operation().get("responses");
            JsonNode declared = responses.has(Integer.toString(r.statusCode())) ? responses.get(Integer.toString(r.statusCode())) : responses.get("default");
            assertThat(declared).as(where + ": an answer the document does not declare").isNotNull();
            JsonNode schema = declared.path("content").path("application/json").get("schema");
            if (schema == null) continue;
            assertThat(schemaFor(doc, schema).validate(json(r))).as(where).isEmpty();
            validated++;
        }
        assertThat(validated).isGreaterThan(30);
        // The check can fail: a Video with a number for its id and no status does not pass.
        JsonNode videoRef = mapper.readTree("{\"$ref\":\"#/components/schemas/Video\"}");
        assertThat(schemaFor(doc, videoRef).validate(mapper.readTree("{\"id\":1,\"object\":\"video\"}"))).isNotEmpty();
    }

    private static Schema schemaFor(JsonNode doc, JsonNode schema) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", doc.get("components"));
        root.setAll((ObjectNode) schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
    }
}
