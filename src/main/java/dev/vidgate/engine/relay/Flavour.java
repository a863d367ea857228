package dev.vidgate.engine.relay;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dialect of the Videos API an upstream speaks. All serve {@code POST /videos},
 * {@code GET /videos/{id}}, {@code GET /videos/{id}/content} and {@code DELETE /videos/{id}} under
 * their base URL; they differ in authentication, request encoding and what else they offer.
 */
public enum Flavour implements Provider {
    /** OpenAI and OpenAI-compatible relays (including another Vidgate): Bearer key, JSON or multipart, remix, variants. */
    OPENAI("openai", Seconds.STRING, true, true, true, true, false),
    /** Azure OpenAI v1: {@code api-key} header and the {@code /openai/v1} prefix; otherwise OpenAI's shape. */
    AZURE("azure", Seconds.STRING, false, true, true, false, false),
    /** SGLang diffusion ({@code sglang serve}): integer seconds, one MP4 per job, no variants or remix. */
    SGLANG("sglang", Seconds.INTEGER, true, false, false, false, false),
    /** vLLM-Omni ({@code vllm serve --omni}): multipart form only. */
    VLLM_OMNI("vllm-omni", Seconds.STRING, true, false, false, false, true),
    /** TensorRT-LLM {@code trtllm-serve}: numeric seconds, answers a create with 202, errors as plain strings. */
    TRTLLM("trtllm", Seconds.NUMBER, true, false, false, false, false);

    /** How {@code seconds} is written in a JSON create. */
    enum Seconds { STRING, INTEGER, NUMBER }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String wireName;
    private final Seconds seconds;
    private final boolean bearer;
    private final boolean variants;
    private final boolean remix;
    private final boolean cancelRoute;
    private final boolean multipartOnly;

    Flavour(String wireName, Seconds seconds, boolean bearer, boolean variants, boolean remix, boolean cancelRoute,
            boolean multipartOnly) {
        this.wireName = wireName;
        this.seconds = seconds;
        this.bearer = bearer;
        this.variants = variants;
        this.remix = remix;
        this.cancelRoute = cancelRoute;
        this.multipartOnly = multipartOnly;
    }

    /** The name used in configuration, e.g. {@code vllm-omni}. */
    @Override
    public String wireName() { return wireName; }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new OpenAiClient(channel, this, transport, JSON);
    }

    public static Optional<Flavour> fromWire(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst();
    }

    /** Whether an ambiguous create may be repeated safely with the same {@code Idempotency-Key} by default. */
    @Override
    public boolean idempotentByDefault() { return this == OPENAI; }

    /** Only OpenAI's own API has edits and extensions ({@link OpenAiClient#edit}). */
    @Override
    public boolean editsVideos() { return this == OPENAI; }

    Seconds seconds() { return seconds; }

    /** {@code Authorization: Bearer} when true, Azure's {@code api-key} header when false. */
    boolean bearerAuth() { return bearer; }

    /** Whether {@code ?variant=thumbnail|spritesheet} returns those images (others are made locally). */
    boolean servesVariants() { return variants; }

    boolean remixes() { return remix; }

    /** Whether {@code POST /videos/{id}/cancel} exists (else a cancel is a {@code DELETE}). */
    boolean hasCancelRoute() { return cancelRoute; }

    boolean multipartOnly() { return multipartOnly; }

    /** What is appended to the configured base URL before {@code /videos}. */
    String pathPrefix() { return this == AZURE ? "/openai/v1" : ""; }
}
