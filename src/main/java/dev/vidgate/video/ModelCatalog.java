package dev.vidgate.video;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The models this gateway serves, with their sizes and engines. */
public record ModelCatalog(List<ModelSpec> models) {

    public ModelCatalog {
        models = List.copyOf(models);
    }

    /** The catalog of SPEC section 3, every model on the given engine. */
    public static ModelCatalog defaults(String engine) {
        var portrait = new VideoSize(720, 1280);
        var landscape = new VideoSize(1280, 720);
        return new ModelCatalog(List.of(
                new ModelSpec("sora-2", List.of("sora-2-2025-10-06", "sora-2-2025-12-08"), "standard",
                        List.of(portrait, landscape), engine),
                new ModelSpec("sora-2-pro", List.of("sora-2-pro-2025-10-06"), "high",
                        List.of(portrait, landscape, new VideoSize(1024, 1792), new VideoSize(1792, 1024),
                                new VideoSize(1080, 1920), new VideoSize(1920, 1080)), engine)));
    }

    public Optional<ModelSpec> find(String model) {
        return models.stream().filter(m -> m.answersTo(model)).findFirst();
    }

    /** "720x1280 or 1280x720", "a, b, or c": the sizes as the size error message lists them. */
    static String describeSizes(List<VideoSize> sizes) {
        List<String> names = sizes.stream().map(VideoSize::toString).toList();
        if (names.size() == 1) return names.getFirst();
        if (names.size() == 2) return names.get(0) + " or " + names.get(1);
        return "one of " + names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + ", or " + names.getLast();
    }
}
