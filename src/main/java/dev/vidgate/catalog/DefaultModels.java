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
    private DefaultModels() {}

    static List<ModelSpec> all(String engine) {
        List<ModelSpec> models = new ArrayList<>(sora(engine));
        models.addAll(veo(engine));
        models.addAll(seedance(engine));
        models.addAll(kling(engine));
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
        var inputs = Set.of(TEXT, FIRST_FRAME);
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
     */
    private static List<ModelSpec> kling(String engine) {
        List<Format> hd = formats(new int[][]{{1920, 1080}, {1080, 1920}, {1080, 1080}});
        List<Format> both = new ArrayList<>(formats(new int[][]{{1280, 720}, {720, 1280}, {720, 720}}));
        both.addAll(hd);
        var durations = List.of(5, 10);
        return List.of(
                new ModelSpec("kling-v2-6", List.of(), "kuaishou", 1764720000L, "high",
                        new Capabilities(both, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.OPTIONAL),
                        Pricing.perSecond(ordered("720p", 42_000L, "1080p", 70_000L))
                                .withAudioSurcharges(ordered("720p", 42_000L, "1080p", 70_000L)), engine),
                new ModelSpec("kling-v2-5-turbo", List.of(), "kuaishou", 1758585600L, "standard",
                        new Capabilities(both, durations, Set.of(TEXT, FIRST_FRAME, LAST_FRAME), Audio.NONE),
                        Pricing.perSecond(ordered("720p", 42_000L, "1080p", 70_000L)), engine),
                new ModelSpec("kling-v2-1-master", List.of(), "kuaishou", 1748476800L, "high",
                        new Capabilities(hd, durations, Set.of(TEXT, FIRST_FRAME), Audio.NONE),
                        Pricing.perSecond(Map.of("1080p", 280_000L)), engine));
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
