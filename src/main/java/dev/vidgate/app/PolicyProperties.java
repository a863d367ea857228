package dev.vidgate.app;

import dev.vidgate.policy.Level;
import dev.vidgate.policy.ModelLevels;
import dev.vidgate.policy.moderation.ModerationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vidgate.policy.*}: the content policy (docs/content-policy.md), checked at start with messages naming the key.
 *
 * @param models       {@code vidgate.policy.models.<model>}: strict, standard or off per model; a key ending in {@code *}
 *                     names a prefix ({@code vidgate.policy.models[veo-*]=off}); {@code sora-2*} is strict unless set
 * @param defaultLevel the level of every other model
 * @param rulesDir     a directory of rule files ({@code minors.txt}, ...) added to the shipped ones
 * @param rulesMode    {@code extend} (the shipped rules and the directory's) or {@code replace} (the directory's only)
 * @param classifier   the optional external classifier
 */
@ConfigurationProperties("vidgate.policy")
public record PolicyProperties(Map<String, String> models, @DefaultValue("standard") String defaultLevel, Path rulesDir,
                               @DefaultValue("extend") String rulesMode, @DefaultValue ClassifierProperties classifier) {
    private static final String PREFIX = "vidgate.policy.";

    public PolicyProperties {
        models = models == null ? Map.of() : Map.copyOf(models);
        level(defaultLevel, PREFIX + "default-level");
        models.forEach((model, level) -> level(level, PREFIX + "models." + model));
        VidgateProperties.require("extend".equals(rulesMode) || "replace".equals(rulesMode),
                PREFIX + "rules-mode must be extend or replace, not '" + rulesMode + "'");
        VidgateProperties.require(rulesDir == null || Files.isDirectory(rulesDir),
                PREFIX + "rules-dir must name a directory of rule files (" + rulesDir + " is none)");
        VidgateProperties.require(!"replace".equals(rulesMode) || rulesDir != null,
                PREFIX + "rules-mode=replace needs " + PREFIX + "rules-dir");
    }

    ModelLevels levels() {
        var parsed = new LinkedHashMap<String, Level>();
        models.forEach((model, level) -> parsed.put(model.trim(), level(level, PREFIX + "models." + model)));
        return new ModelLevels(parsed, level(defaultLevel, PREFIX + "default-level"));
    }

    boolean replaceRules() {
        return "replace".equals(rulesMode);
    }

    private static Level level(String value, String key) {
        return Level.parse(value == null ? "" : value.trim())
                .orElseThrow(() -> new IllegalArgumentException(key + " must be " + Level.names() + ", not '" + value + "'"));
    }

    /**
     * {@code vidgate.policy.classifier.*}: a service speaking OpenAI's {@code POST /v1/moderations}.
     *
     * @param url       its API base ({@code http://guard:8000/v1}); none: no classifier
     * @param apiKey    a Bearer token, if it wants one
     * @param model     the {@code model} it is asked for
     * @param timeout   how long one check may take
     * @param onFailure {@code open} (a request goes on when the classifier cannot answer) or {@code closed} (it is refused
     *                  with 503 {@code moderation_unavailable})
     */
    public record ClassifierProperties(URI url, String apiKey, @DefaultValue("omni-moderation-latest") String model,
                                       @DefaultValue("2s") Duration timeout, @DefaultValue("open") String onFailure) {
        private static final String KEY = PREFIX + "classifier.";

        public ClassifierProperties {
            VidgateProperties.require(url == null || (url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                            && url.getHost() != null),
                    KEY + "url must be an http(s) URL such as http://guard:8000/v1, not '" + url + "'");
            VidgateProperties.require(model != null && !model.isBlank(), KEY + "model must name the moderation model");
            VidgateProperties.require(timeout != null && timeout.isPositive() && timeout.compareTo(Duration.ofMinutes(1)) <= 0,
                    KEY + "timeout must be a positive duration of at most 1m, such as 2s");
            VidgateProperties.require("open".equals(onFailure) || "closed".equals(onFailure),
                    KEY + "on-failure must be open or closed, not '" + onFailure + "'");
        }

        Optional<ModerationSettings> settings() {
            return url == null ? Optional.empty() : Optional.of(new ModerationSettings(url, apiKey, model.trim(), timeout));
        }

        boolean failClosed() {
            return "closed".equals(onFailure);
        }
    }
}
