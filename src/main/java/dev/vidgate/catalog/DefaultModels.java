package dev.vidgate.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.vidgate.catalog.Input.FIRST_FRAME;
import static dev.vidgate.catalog.Input.LAST_FRAME;
import static dev.vidgate.catalog.Input.REFERENCE_IMAGES;
import static dev.vidgate.catalog.Input.TEXT;

/**
 * The models that ship, from {@code research/upstreams.md} section 1 and the providers' documentation. Values
 * marked "unsure" are the best reading of sources that disagree or are secondary; configuration overrides any of
 * them ({@code vidgate.models[i].*}). Prices are micro-credits, one credit standing for one US dollar.
 */
final class DefaultModels {
    /** Kling's limit on {@code prompt} and {@code negative_prompt}, in characters. */
    private static final int KLING_PROMPT = 2_500;
    private DefaultModels() {}

    static List<ModelSpec> all(String engine) {
        List<ModelSpec> models = new ArrayList<>(sora(engine));
        models.addAll(veo(engine));
        models.addAll(seedance(engine));
        models.addAll(kling(engine));
        models.addAll(wan(engine));
        models.addAll(minimax(engine));
        models.addAll(runway(engine));
        models.addAll(luma(engine));
        models.addAll(pika(engine));
        models.addAll(grok(engine));
        models.addAll(openRouter(engine));
        return List.copyOf(models);
    }

    /** SPEC section 3, unchanged: OpenAI's list prices. */
    private static List<ModelSpec> sora(String engine) {
        List<Format> standard = formats(new int[][]{{720, 1280}, {1280, 720}});
        List<Format> high = new ArrayList<>(standard);
        high.addAll(formats(new int[][]{{1024, 1792}, {1792, 1024}, {1080, 1920}, {1920, 1080}}));
        var durations = List.of(4, 8, 12);
        // VIDEO: the Sora models edit and extend videos (POST /v1/videos/edits, /extensions)
        var inputs = Set.of(TEXT, FIRST_FRAME, Input.VIDEO);
        return List.of(
                new ModelSpec("sora-2", List.of("sora-2-2025-10-06", "sora-2-2025-12-08"), "openai", 1759708800L, "standard",
                        new Capabilities(standard, durations, inputs, Audio.ALWAYS), Pricing.perSecond(Map.of("720p", 100_000L)), engine),
                new ModelSpec("sora-2-pro", List.of("sora-2-pro-2025-10-06"), "openai", 1759708800L, "high",
                        new Capabilities(high, durations, inputs, Audio.ALWAYS),
                        Pricing.perSecond(ordered("720p", 300_000L, "1024p", 500_000L, "1080p", 700_000L)), engine));
    }

    /**
     * Veo: 16:9 and 9:16 at 720p, 1080p (and 4k on 3.1), 4, 6 or 8 seconds. Unsure: Google makes 1080p and 4k only
     * at 8 s (the catalog does not express pairs); audio is always on through the Gemini API and optional on Vertex
     * ({@code generateAudio}); Veo 3.0 through the Gemini API makes only 8 s; 3.1 Fast takes no reference images.
     * Prices per second from new-api PR #7280 (secondary).
     */
    private static List<ModelSpec> veo(String engine) {
        List<Format> hd = List.of(Format.of(1280, 720, "16:9", "720p"), Format.of(720, 1280, "9:16", "720p"),
                Format.of(1920, 1080, "16:9", "1080p"), Format.of(1080, 1920, "9:16", "1080p"));
        List<Format> uhd = new ArrayList<>(hd);
        uhd.addAll(List.of(Format.of(3840, 2160, "16:9", "4k"), Format.of(2160, 3840, "9:16", "4k")));
        var durations = List.of(4, 6, 8);
        return List.of(
                new ModelSpec("veo-3.1-generate-001", List.of(), "google", 1760486400L, "high",
                        new Capabilities(uhd, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME, REFERENCE_IMAGES), Audio.ALWAYS),
                        Pricing.perSecond(ordered("720p", 400_000L, "1080p", 400_000L, "4k", 600_000L)), engine),
                new ModelSpec("veo-3.1-fast-generate-001", List.of(), "google", 1760486400L, "standard",
                        new Capabilities(uhd, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.ALWAYS),
                        Pricing.perSecond(ordered("720p", 100_000L, "1080p", 120_000L, "4k", 300_000L)), engine),
                new ModelSpec("veo-3.0-generate-001", List.of(), "google", 1753747200L, "high",
                        new Capabilities(hd, durations, Set.of(TEXT, FIRST_FRAME), Audio.ALWAYS),
                        Pricing.perSecond(ordered("720p", 400_000L, "1080p", 400_000L)), engine));
    }

    /**
     * Seedance 1.0 on Ark: ratios 16:9, 9:16, 4:3, 3:4, 1:1, 21:9 at 480p, 720p, 1080p; 2 to 12 seconds (unsure: the
     * earliest documentation says 5 or 10; a real BytePlus answer shows 2); no sound. The sizes are nominal: Ark's own
     * pixels differ slightly (720p 16:9 is 1248x704). Billed per token (about width x height x 24 / 1024 a second);
     * BytePlus list prices, USD 2.5 (pro) and 1.8 (lite) per million tokens (unsure).
     */
    private static List<ModelSpec> seedance(String engine) {
        List<Format> formats = new ArrayList<>();
        for (int tier : new int[]{480, 720, 1080}) {
            String p = tier + "p";
            int wide = tier * 16 / 9 + (tier == 480 ? 1 : 0);
            formats.addAll(List.of(Format.of(wide, tier, "16:9", p), Format.of(tier, wide, "9:16", p),
                    Format.of(tier * 4 / 3, tier, "4:3", p), Format.of(tier, tier * 4 / 3, "3:4", p),
                    Format.of(tier, tier, "1:1", p), Format.of(tier * 7 / 3, tier, "21:9", p)));
        }
        List<Integer> durations = IntStream.rangeClosed(2, 12).boxed().toList();
        return List.of(
                new ModelSpec("seedance-1-0-pro-250528", List.of(), "bytedance", 1748390400L, "high",
                        new Capabilities(formats, durations, Set.of(TEXT, FIRST_FRAME), Audio.NONE),
                        tokens(2_500L), engine),
                new ModelSpec("seedance-1-0-lite-t2v-250428", List.of(), "bytedance", 1745798400L, "standard",
                        new Capabilities(formats, durations, Set.of(TEXT), Audio.NONE), tokens(1_800L), engine));
    }

    /**
     * Kling: 16:9, 9:16, 1:1; {@code mode} std makes 720p, pro 1080p; {@code duration} "5" or "10". Unsure: the
     * last frame ({@code image_tail}) on 2.5 Turbo and 2.6 (pro mode only), 2.1 Master's std mode, and the prices
     * (Kling's per-clip list prices spread per second; 2.6's sound doubles its price: an audio surcharge as large as the
     * price, paid by jobs that ask for sound).
     * Prompts (and negative prompts) of at most 2,500 characters, as Kling's API reference gives them.
     */
    private static List<ModelSpec> kling(String engine) {
        List<Format> hd = formats(new int[][]{{1920, 1080}, {1080, 1920}, {1080, 1080}});
        List<Format> both = new ArrayList<>(formats(new int[][]{{1280, 720}, {720, 1280}, {720, 720}}));
        both.addAll(hd);
        var durations = List.of(5, 10);
        return List.of(
                new ModelSpec("kling-v2-6", List.of(), "kuaishou", 1764720000L, "high",
                        new Capabilities(both, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.OPTIONAL, KLING_PROMPT),
                        Pricing.perSecond(ordered("720p", 42_000L, "1080p", 70_000L))
                                .withAudioSurcharges(ordered("720p", 42_000L, "1080p", 70_000L)), engine),
                new ModelSpec("kling-v2-5-turbo", List.of(), "kuaishou", 1758585600L, "standard",
                        new Capabilities(both, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.NONE, KLING_PROMPT),
                        Pricing.perSecond(ordered("720p", 42_000L, "1080p", 70_000L)), engine),
                new ModelSpec("kling-v2-1-master", List.of(), "kuaishou", 1748476800L, "high",
                        new Capabilities(hd, durations, Set.of(TEXT, FIRST_FRAME), Audio.NONE, KLING_PROMPT),
                        Pricing.perSecond(Map.of("1080p", 280_000L)), engine));
    }

    /**
     * Wan on Alibaba Model Studio (DashScope), per the Wan API references (research section 1.5) and new-api's ali
     * adaptor. Text-to-video models take the exact {@code size} ("1280*720"); image-to-video models take a
     * {@code resolution} tier and follow the image's aspect ratio, so their sizes here are those of the text models at
     * the same tiers (the image must have them; DashScope's own pixels may differ slightly: unsure). An i2v model
     * needs a first frame: the catalog can only say that it takes one, so the adapter refuses an i2v job without an
     * image before anything is sent (the job fails, nothing is charged); a t2v model takes no image (refused at the
     * API by its inputs). Wan 2.2 makes 5 s, Wan 2.5 5 or 10 s with sound it adds unless {@code audio} is false.
     * Prices per second, Singapore list prices in USD (Alibaba Cloud's price page, not in the research notes:
     * unsure): Wan 2.2 plus 0.02 (480P) and 0.10 (1080P), Wan 2.5 preview 0.05, 0.10, 0.15.
     */
    private static List<ModelSpec> wan(String engine) {
        List<Format> low = List.of(Format.of(832, 480, "16:9", "480p"), Format.of(480, 832, "9:16", "480p"),
                Format.of(624, 624, "1:1", "480p"));
        List<Format> hd = List.of(Format.of(1280, 720, "16:9", "720p"), Format.of(720, 1280, "9:16", "720p"),
                Format.of(960, 960, "1:1", "720p"), Format.of(1088, 832, "4:3", "720p"), Format.of(832, 1088, "3:4", "720p"));
        List<Format> fullHd = List.of(Format.of(1920, 1080, "16:9", "1080p"), Format.of(1080, 1920, "9:16", "1080p"),
                Format.of(1440, 1440, "1:1", "1080p"), Format.of(1632, 1248, "4:3", "1080p"), Format.of(1248, 1632, "3:4", "1080p"));
        List<Format> two = new ArrayList<>(fullHd);
        two.addAll(low);
        List<Format> three = new ArrayList<>(hd);
        three.addAll(fullHd);
        three.addAll(low);
        Pricing plus = Pricing.perSecond(ordered("1080p", 100_000L, "480p", 20_000L));
        Pricing preview = Pricing.perSecond(ordered("720p", 100_000L, "1080p", 150_000L, "480p", 50_000L));
        var text = Set.of(TEXT);
        var image = Set.of(TEXT, FIRST_FRAME);
        return List.of(
                new ModelSpec("wan2.2-t2v-plus", List.of(), "alibaba", 1753660800L, "high",
                        new Capabilities(two, List.of(5), text, Audio.NONE), plus, engine),
                new ModelSpec("wan2.2-i2v-plus", List.of(), "alibaba", 1753660800L, "high",
                        new Capabilities(two, List.of(5), image, Audio.NONE), plus, engine),
                new ModelSpec("wan2.5-t2v-preview", List.of(), "alibaba", 1758672000L, "high",
                        new Capabilities(three, List.of(5, 10), text, Audio.OPTIONAL), preview, engine),
                new ModelSpec("wan2.5-i2v-preview", List.of(), "alibaba", 1758672000L, "high",
                        new Capabilities(three, List.of(5, 10), image, Audio.OPTIONAL), preview, engine));
    }

    /**
     * MiniMax Hailuo (research section 1.6, new-api's hailuo adaptor): 02 and 2.3 make 6 or 10 s at 768P and 1080P
     * (1080P only at 6 s, which the catalog does not express: unsure), landscape from text (an image sets its own
     * ratio); 02 also takes a last frame, 2.3 only a first (unsure). H3 (v2 API) makes 4 to 15 s at 768P and 2K in the
     * ratios it lists (the 2K pixels are assumed 2560x1440: unsure) with first and last frames. None makes sound here
     * (unsure for H3). Prices: Hailuo's list price per clip (768P USD 0.28 per 6 s, 1080P 0.49 per 6 s, secondary)
     * spread per second; H3 CNY 0.50 (768P) and 0.80 (2K) per second from new-api's constants, converted at about 7.1.
     * H3's {@code created} is when the research notes list it (October 2026), not a published release date: unsure.
     */
    private static List<ModelSpec> minimax(String engine) {
        List<Format> hailuo = List.of(Format.of(1366, 768, "16:9", "768p"), Format.of(1920, 1080, "16:9", "1080p"));
        List<Format> h3 = List.of(Format.of(1366, 768, "16:9", "768p"), Format.of(768, 1366, "9:16", "768p"),
                Format.of(768, 768, "1:1", "768p"), Format.of(2560, 1440, "16:9", "2k"), Format.of(1440, 2560, "9:16", "2k"),
                Format.of(1440, 1440, "1:1", "2k"));
        Pricing hailuoPrices = Pricing.perSecond(ordered("768p", 47_000L, "1080p", 82_000L));
        return List.of(
                new ModelSpec("MiniMax-Hailuo-02", List.of(), "minimax", 1750204800L, "high",
                        new Capabilities(hailuo, List.of(6, 10), Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.NONE), hailuoPrices, engine),
                new ModelSpec("MiniMax-Hailuo-2.3", List.of(), "minimax", 1761609600L, "high",
                        new Capabilities(hailuo, List.of(6, 10), Set.of(TEXT, FIRST_FRAME), Audio.NONE), hailuoPrices, engine),
                new ModelSpec("MiniMax-H3", List.of(), "minimax", 1790812800L, "high",
                        new Capabilities(h3, IntStream.rangeClosed(4, 15).boxed().toList(), Set.of(TEXT, FIRST_FRAME, LAST_FRAME),
                                Audio.NONE), Pricing.perSecond(ordered("768p", 70_000L, "2k", 113_000L)), engine));
    }

    /**
     * Runway ({@code runwayml/sdk-python}, {@code image_to_video_create_params.py} and {@code text_to_video_create_params.py}):
     * the ratio is the output's pixels ({@code 1280:720}). Gen-4 Turbo takes an image only (it is not a text_to_video model;
     * the catalog cannot say so, the adapter refuses a text-only job for it), 2 to 10
     * seconds (the SDK says "int"; Runway's docs list 5 and 10: unsure); Gen-4.5 makes 2 to 10 seconds, text-only at
     * 1280:720 and 720:1280 (its image ratios 1104:832, 960:960, 832:1104, 1584:672 are left out because a text create
     * refuses them); Veo 3.1 Fast makes 4, 6 or 8 seconds at 720p and 1080p with optional audio and a last frame. Prices
     * from Runway's credit table at USD 0.01 a credit (gen4_turbo 5, gen4.5 12, veo3.1_fast 15 credits a second without
     * audio; unsure, and the audio surcharge is not modelled).
     */
    private static List<ModelSpec> runway(String engine) {
        List<Format> gen4 = List.of(Format.of(1280, 720, "1280:720", "720p"), Format.of(720, 1280, "720:1280", "720p"),
                Format.of(1104, 832, "1104:832", "720p"), Format.of(832, 1104, "832:1104", "720p"),
                Format.of(960, 960, "960:960", "720p"), Format.of(1584, 672, "1584:672", "720p"));
        List<Format> gen45 = gen4.subList(0, 2);
        List<Format> veo = List.of(Format.of(1280, 720, "1280:720", "720p"), Format.of(720, 1280, "720:1280", "720p"),
                Format.of(1920, 1080, "1920:1080", "1080p"), Format.of(1080, 1920, "1080:1920", "1080p"));
        List<Integer> twoToTen = IntStream.rangeClosed(2, 10).boxed().toList();
        return List.of(
                new ModelSpec("gen4_turbo", List.of(), "runway", 1743465600L, "standard",
                        new Capabilities(gen4, twoToTen, Set.of(FIRST_FRAME), Audio.NONE), Pricing.perSecond(Map.of("720p", 50_000L)), engine),
                new ModelSpec("gen4.5", List.of(), "runway", 1764547200L, "high",
                        new Capabilities(gen45, twoToTen, Set.of(TEXT, FIRST_FRAME), Audio.NONE), Pricing.perSecond(Map.of("720p", 120_000L)),
                        engine),
                new ModelSpec("veo3.1_fast", List.of(), "runway", 1760486400L, "standard",
                        new Capabilities(veo, List.of(4, 6, 8), Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.OPTIONAL),
                        Pricing.perSecond(ordered("720p", 150_000L, "1080p", 150_000L)), engine));
    }

    /**
     * Luma Dream Machine ({@code lumalabs/lumaai-python}, {@code video_create_params.py}): ratios 16:9, 9:16, 1:1, 4:3, 3:4,
     * 21:9 at 540p, 720p and 1080p (4k exists, left out: it is an upscale at a different price); {@code duration} "5s" or
     * "9s"; text, a first frame ({@code keyframes.frame0}) and a last frame ({@code frame1}); no sound. Prices per second
     * of a 16:9 video at 24 frames a second, from Luma's list prices per million pixels (ray-2 USD 0.0064, ray-flash-2
     * USD 0.0022; unsure: secondary and from memory of the 2025 price page).
     */
    private static List<ModelSpec> luma(String engine) {
        List<Format> formats = new ArrayList<>();
        for (int tier : new int[]{540, 720, 1080}) {
            String p = tier + "p";
            int wide = tier * 16 / 9;
            formats.addAll(List.of(Format.of(wide, tier, "16:9", p), Format.of(tier, wide, "9:16", p), Format.of(tier, tier, "1:1", p),
                    Format.of(tier * 4 / 3, tier, "4:3", p), Format.of(tier, tier * 4 / 3, "3:4", p),
                    Format.of(tier * 7 / 3, tier, "21:9", p)));
        }
        var durations = List.of(5, 9);
        var inputs = Set.of(TEXT, FIRST_FRAME, LAST_FRAME);
        return List.of(
                new ModelSpec("ray-2", List.of(), "luma", 1737072000L, "high", new Capabilities(formats, durations, inputs, Audio.NONE),
                        Pricing.perSecond(ordered("540p", 80_000L, "720p", 142_000L, "1080p", 319_000L)), engine),
                new ModelSpec("ray-flash-2", List.of(), "luma", 1741737600L, "standard",
                        new Capabilities(formats, durations, inputs, Audio.NONE),
                        Pricing.perSecond(ordered("540p", 27_000L, "720p", 49_000L, "1080p", 110_000L)), engine));
    }

    /**
     * Pika 2.2, sold through fal.ai (flavour {@code fal}; a channel maps it onto {@code fal-ai/pika/v2.2/text-to-video}
     * and, for a reference image, {@code fal-ai/pika/v2.2/image-to-video}). From fal's schema of the model: ratios 16:9,
     * 9:16, 1:1, 4:5, 5:4, 3:2, 2:3 (text to video; image to video follows the image), 720p or 1080p, {@code duration} 5
     * or 10; no sound, no last frame. fal's page prices a 5 s clip: USD 0.20 at 720p, 0.45 at 1080p, listed here per
     * second (0.04 and 0.09); unsure: that a 10 s clip costs twice as much, and the sizes, which are nominal (fal reports
     * the pixels it made).
     */
    private static List<ModelSpec> pika(String engine) {
        List<Format> formats = new ArrayList<>();
        for (int tier : new int[]{720, 1080}) {
            String p = tier + "p";
            int wide = tier * 16 / 9;
            formats.addAll(List.of(Format.of(wide, tier, "16:9", p), Format.of(tier, wide, "9:16", p), Format.of(tier, tier, "1:1", p),
                    Format.of(tier, tier * 5 / 4, "4:5", p), Format.of(tier * 5 / 4, tier, "5:4", p),
                    Format.of(tier * 3 / 2, tier, "3:2", p), Format.of(tier, tier * 3 / 2, "2:3", p)));
        }
        return List.of(new ModelSpec("pika-2.2", List.of(), "pika", 1740787200L, "high",
                new Capabilities(formats, List.of(5, 10), Set.of(TEXT, FIRST_FRAME), Audio.NONE),
                Pricing.perSecond(ordered("720p", 40_000L, "1080p", 90_000L)), engine));
    }

    /**
     * Grok Imagine Video on xAI: 16:9, 4:3, 1:1, 9:16, 3:4, 3:2, 2:3 at 480p or 720p, 1 to 15 seconds, a first frame
     * ({@code image}) but no last frame, sound always on. Ratios and resolutions from Vercel's xAI client and its
     * schema; the duration range from xAI's documentation as third-party clients repeat it (unsure); billed per second
     * (sub2api PR #3855), USD 0.05 a second at either tier (unsure: xAI reports each job's cost in
     * {@code usage.cost_in_usd_ticks}, which is not read yet).
     */
    private static List<ModelSpec> grok(String engine) {
        List<Format> formats = new ArrayList<>();
        for (int tier : new int[]{480, 720}) {
            String p = tier + "p";
            int wide = tier * 16 / 9 + (tier == 480 ? 1 : 0);
            formats.addAll(List.of(Format.of(wide, tier, "16:9", p), Format.of(tier, wide, "9:16", p),
                    Format.of(tier * 4 / 3, tier, "4:3", p), Format.of(tier, tier * 4 / 3, "3:4", p),
                    Format.of(tier * 3 / 2, tier, "3:2", p), Format.of(tier, tier * 3 / 2, "2:3", p), Format.of(tier, tier, "1:1", p)));
        }
        return List.of(new ModelSpec("grok-imagine-video", List.of(), "xai", 1769904000L, "standard",
                new Capabilities(formats, IntStream.rangeClosed(1, 15).boxed().toList(), Set.of(TEXT, FIRST_FRAME), Audio.ALWAYS),
                Pricing.perSecond(ordered("480p", 50_000L, "720p", 50_000L)), engine));
    }

    /**
     * Two of the models OpenRouter sells under its own ids (a channel's {@code models} maps ours onto them, e.g.
     * {@code sora-2=google/veo-3.1}). {@code google/veo-3.1}: Veo 3.1's formats (16:9, 9:16 at 720p and 1080p), 4, 6 or
     * 8 seconds, first and last frame, sound optional ({@code generate_audio}); USD 0.40 a second (0.20 more with sound)
     * from the listing quoted in agentfield issue #464 (unsure). {@code alibaba/wan-2.6}: 16:9, 9:16, 1:1 at 720p and
     * 1080p, 5 or 10 seconds, a first frame, no sound switch; USD 0.04 a second from the same listing (unsure). OpenRouter's
     * {@code /videos/models} lists the current values; its reported {@code usage.cost} is not read yet.
     */
    private static List<ModelSpec> openRouter(String engine) {
        List<Format> veo = List.of(Format.of(1280, 720, "16:9", "720p"), Format.of(720, 1280, "9:16", "720p"),
                Format.of(1920, 1080, "16:9", "1080p"), Format.of(1080, 1920, "9:16", "1080p"));
        return List.of(
                new ModelSpec("google/veo-3.1", List.of(), "google", 1760486400L, "high",
                        new Capabilities(veo, List.of(4, 6, 8), Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.OPTIONAL),
                        Pricing.perSecond(ordered("720p", 400_000L, "1080p", 400_000L))
                                .withAudioSurcharges(ordered("720p", 200_000L, "1080p", 200_000L)), engine),
                new ModelSpec("alibaba/wan-2.6", List.of(), "alibaba", 1765843200L, "standard",
                        new Capabilities(formats(new int[][]{{1280, 720}, {720, 1280}, {720, 720}, {1920, 1080}, {1080, 1920}, {1080, 1080}}),
                                List.of(5, 10), Set.of(TEXT, FIRST_FRAME), Audio.NONE),
                        Pricing.perSecond(ordered("720p", 40_000L, "1080p", 40_000L)), engine));
    }

    private static List<Format> formats(int[][] sizes) {
        return Arrays.stream(sizes).map(s -> Format.of(new VideoSize(s[0], s[1]))).toList();
    }

    private static Pricing tokens(long perThousand) {
        return new Pricing(PriceUnit.THOUSAND_TOKENS, ordered("480p", perThousand, "720p", perThousand, "1080p", perThousand));
    }

    private static Map<String, Long> ordered(Object... tierThenPrice) {
        var map = new LinkedHashMap<String, Long>();
        for (int i = 0; i < tierThenPrice.length; i += 2) map.put((String) tierThenPrice[i], (Long) tierThenPrice[i + 1]);
        return map;
    }
}
