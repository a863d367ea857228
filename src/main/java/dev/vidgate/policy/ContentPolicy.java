package dev.vidgate.policy;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content policy: the level of the request (the tenant's override, else the model's), then the prompt rules and the
 * external classifier (when one is configured) on the prompt, and the face check on each decoded input image. Every block is audited and
 * counted, then answered with {@link PolicyErrors#blocked}; the matched term is never told.
 */
public final class ContentPolicy implements ContentCheck {
    private static final Logger log = LoggerFactory.getLogger(ContentPolicy.class);

    private final PromptRules rules;
    private final ModelLevels levels;
    private final PolicyStore store;
    private final Optional<Classifier> classifier;
    private final boolean failClosed;
    private final FaceCheck faces;
    private final BlockListener listener;
    private final InstantSource clock;

    /**
     * @param classifier the external classifier, if any
     * @param failClosed when the classifier cannot answer: refuse the request (503) instead of letting it through
     */
    public ContentPolicy(PromptRules rules, ModelLevels levels, PolicyStore store, Optional<Classifier> classifier,
                         boolean failClosed, FaceCheck faces, BlockListener listener, InstantSource clock) {
        this.rules = rules;
        this.levels = levels;
        this.store = store;
        this.classifier = classifier;
        this.failClosed = failClosed;
        this.faces = faces;
        this.listener = listener;
        this.clock = clock;
    }

    /** The level a tenant's request for a model runs at. */
    public Level levelFor(String tenantId, String model) {
        return store.tenantLevel(tenantId).orElseGet(() -> levels.of(model));
    }

    @Override
    public Images screen(Subject s) {
        Level level = levelFor(s.tenantId(), s.model());
        if (level == Level.OFF) return Images.NONE;
        Optional<Category> ruled = rules.check(s.prompt(), level);
        if (ruled.isPresent()) throw block(s, ruled.get(), Source.RULES, "prompt");
        classify(s, level);
        return images(s, level);
    }

    @Override
    public Images images(Subject s) {
        return images(s, levelFor(s.tenantId(), s.model()));
    }

    /** The image checks at {@code level}, read once for the request. */
    private Images images(Subject s, Level level) {
        if (faces == FaceCheck.NONE || !level.covers(Category.FACES)) return Images.NONE;
        return (param, picture) -> {
            if (faces.showsFace(picture)) throw block(s, Category.FACES, Source.FACES, param);
        };
    }

    private void classify(Subject s, Level level) {
        if (classifier.isEmpty()) return;
        Set<Category> flagged;
        try {
            flagged = classifier.get().flagged(s.prompt());
        } catch (Classifier.ClassifierUnavailable e) {
            log.warn("the moderation classifier could not decide ({}); {}", e.getMessage(),
                    failClosed ? "refusing the request (fail-closed)" : "letting it through (fail-open)");
            if (failClosed) throw PolicyErrors.unavailable();
            return;
        }
        for (Category c : flagged) {
            if (level.covers(c)) throw block(s, c, Source.CLASSIFIER, "prompt");
        }
    }

    private RuntimeException block(Subject s, Category category, Source source, String param) {
        store.record(Block.of(s.tenantId(), s.keyId(), s.model(), category, source, clock.instant(), s.prompt(), null));
        listener.blocked(category, source);
        return PolicyErrors.blocked(category, param);
    }
}
