package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.FakeVeo.Fault;
import dev.vidgate.engine.relay.google.VeoJobs;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Veo on Vertex AI: service-account tokens, inline videos, and every fault ending a job in a clear state. */
class VertexFaultsTest {
    @TempDir
    Path workDir;

    private final TestClock clock = new TestClock();
    private final JsonMapper json = JsonMapper.builder().build();
    private FakeVeo fake;
    private VeoJobs jobs;

    @BeforeEach
    void open() {
        fake = FakeVeo.start(FakeVeo.Dialect.VERTEX);
        jobs = new VeoJobs(fake.channel("veo", new VertexProvider(clock), FakeVeo.TOKEN), workDir, clock);
    }

    @AfterEach
    void close() {
        jobs.close();
        fake.close();
    }

    @Test
    void aCreateCarriesTheFormatTheImagesInlineTheSeedAndTheAudioChoiceToTheProjectsRegionalModel() {
        byte[] first = TestImages.png(1280, 720);
        var request = VeoJobs.request("video_vx_shape", "a heron lands", first, new GenerationRequest.Options("blur", 42L, false, null));
        assertThat(jobs.end(request)).isInstanceOf(EngineStatus.Done.class);
        assertThat(fake.seen(":predictLongRunning").getFirst().path()).isEqualTo("/v1/projects/" + FakeVeo.PROJECT + "/locations/"
                + FakeVeo.LOCATION + "/publishers/google/models/" + VeoJobs.MODEL + ":predictLongRunning");
        assertThat(fake.seen(":fetchPredictOperation")).isNotEmpty().allSatisfy(seen -> assertThat(seen.method()).isEqualTo("POST"));
        JsonNode body = fake.creates().getFirst();
        assertThat(Base64.getDecoder().decode(body.path("instances").path(0).path("image").path("bytesBase64Encoded").asString())).isEqualTo(first);
        JsonNode parameters = body.path("parameters");
        assertThat(parameters.path("aspectRatio").asString()).isEqualTo("16:9");
        assertThat(parameters.path("resolution").asString()).isEqualTo("720p");
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(8);
        assertThat(parameters.path("seed").asLong()).isEqualTo(42L);
        assertThat(parameters.path("generateAudio").isBoolean()).isTrue();
        assertThat(parameters.path("generateAudio").asBoolean()).isFalse();
        assertThat(parameters.path("negativePrompt").asString()).isEqualTo("blur");
    }

    @Test
    void aServiceAccountKeyIsExchangedForATokenOnceAndAgainWhenTheTokenRunsOut() throws Exception {
        KeyPair pair = rsa();
        fake.accountKey = (RSAPublicKey) pair.getPublic();
        reopen(serviceAccount(pair));
        assertThat(jobs.end(VeoJobs.request("video_vx_sa1", "a heron"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(jobs.end(VeoJobs.request("video_vx_sa2", "a heron"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(fake.tokensIssued.get()).isEqualTo(1);
        assertThat(fake.seen(":predictLongRunning").getFirst().headers().get("Authorization").getFirst()).startsWith("Bearer ya29.issued-1-");

        clock.advance(Duration.ofMinutes(59));
        assertThat(jobs.end(VeoJobs.request("video_vx_sa3", "a heron"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(fake.tokensIssued.get()).isEqualTo(2);
    }

    @Test
    void aServiceAccountKeyGoogleDoesNotKnowFailsTheJobAsACredentialsProblemWithoutTheKey() throws Exception {
        fake.accountKey = (RSAPublicKey) rsa().getPublic();
        String other = serviceAccount(rsa());
        reopen(other);
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_vx_badsa", "a heron"));
        assertThat(failed.message()).contains("credentials").doesNotContain("PRIVATE KEY").doesNotContain("MII");
        assertThat(fake.tokensIssued.get()).isZero();
    }

    @Test
    void aWrongTokenIsUnauthenticatedAndFailsTheJobWithoutTheToken() {
        reopen("ya29.wrong-token-0000000000");
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_vx_401", "a heron"));
        assertThat(failed.message()).contains("credentials").doesNotContain("ya29");
    }

    @Test
    void aLargeInlineVideoIsDecodedPastTheAnswerLimitAndDelivered() throws Exception {
        fake.video = padded(TestClips.mp4(320, 180, 1), 24 * 1024 * 1024);
        EngineStatus status = jobs.end(VeoJobs.request("video_vx_big", "a heron"));
        assertThat(status).isInstanceOf(EngineStatus.Done.class);
        try (var in = ((EngineStatus.Done) status).output().open(dev.vidgate.video.Variant.VIDEO)) {
            assertThat(in.readAllBytes()).isEqualTo(fake.video);
        }
    }

    @Test
    void aVideoStoredInCloudStorageFailsClearly() {
        fake.pollFault = Fault.IN_CLOUD_STORAGE;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_vx_gcs", "a heron"));
        assertThat(failed.code()).isEqualTo("upstream_result_unreadable");
        assertThat(failed.message()).contains("Cloud Storage").doesNotContain("gs://");
    }

    @Test
    void aFilteredVideoIsModerationBlockedAndNotRetried() {
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_vx_rai", "something forbidden"));
        assertThat(failed.code()).isEqualTo("moderation_blocked");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void backpressureOnCreateLetsTheJobWait() {
        fake.createFault = Fault.RATE_LIMITED;
        var request = VeoJobs.request("video_vx_429", "a heron");
        assertThat(jobs.engine.check(request, jobs.engine.start(request))).isInstanceOf(EngineStatus.Waiting.class);
    }

    @Test
    void aPollAnswerCutOffInTheMiddleIsRetriedAndFailsOnlyWhenItNeverRecovers() {
        fake.pollFault = Fault.TRUNCATED;
        var request = VeoJobs.request("video_vx_cut", "a heron");
        String handle = jobs.engine.start(request);
        dev.vidgate.testsupport.Waits.await("polls", Duration.ofSeconds(30), Duration.ofMillis(20))
                .until(() -> fake.seen(":fetchPredictOperation").size() >= 4);
        clock.advance(Duration.ofMinutes(11));
        EngineStatus status = dev.vidgate.testsupport.Waits.engineEnd(jobs.engine, request, handle);
        assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_unreachable"));
    }

    @Test
    void aChannelWithoutAProjectOrWithABrokenServiceAccountIsRefusedAtStartNamingTheKey() {
        ChannelSettings base = ChannelSettings.of("veo", URI.create("https://aiplatform.googleapis.com"), ApiKey.of("ya29.t"), new VertexProvider());
        assertThatThrownBy(() -> base.flavour().check(base)).hasMessageStartingWith("project is required");
        ChannelSettings broken = ChannelSettings.of("veo", URI.create("https://aiplatform.googleapis.com"),
                ApiKey.of("{\"client_email\":\"a@b\"}"), new VertexProvider()).withOptions(Map.of("project", "p1-x"));
        assertThatThrownBy(() -> broken.flavour().check(broken)).hasMessageStartingWith("api-key");
        ChannelSettings region = base.withOptions(Map.of("project", "p1-x", "location", "Europe West"));
        assertThatThrownBy(() -> region.flavour().check(region)).hasMessageStartingWith("location");
    }

    @Test
    void googlesHostBecomesTheLocationsRegionalHostAndAnyOtherBaseIsKept() {
        assertThat(VertexClient.root(URI.create("https://aiplatform.googleapis.com"), "europe-west4"))
                .isEqualTo("https://europe-west4-aiplatform.googleapis.com");
        assertThat(VertexClient.root(URI.create("https://aiplatform.googleapis.com"), "global")).isEqualTo("https://aiplatform.googleapis.com");
        assertThat(VertexClient.root(URI.create("http://127.0.0.1:9000/"), "us-central1")).isEqualTo("http://127.0.0.1:9000");
    }

    private void reopen(String secret) {
        jobs.close();
        ChannelSettings channel = fake.channel("veo", new VertexProvider(clock), secret);
        channel.flavour().check(channel);
        jobs = new VeoJobs(channel, workDir, clock);
    }

    private String serviceAccount(KeyPair pair) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return json.writeValueAsString(json.createObjectNode().put("type", "service_account").put("project_id", FakeVeo.PROJECT)
                .put("private_key_id", "k1").put("private_key", pem).put("client_email", FakeVeo.ACCOUNT)
                .put("token_uri", fake.tokenUri()));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The MP4 followed by a {@code free} box of about {@code bytes}: still a valid MP4. */
    private static byte[] padded(byte[] mp4, int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(mp4.length + bytes);
        out.writeBytes(mp4);
        out.writeBytes(ByteBuffer.allocate(8).putInt(bytes).put("free".getBytes()).array());
        out.writeBytes(new byte[bytes - 8]);
        return out.toByteArray();
    }
}
