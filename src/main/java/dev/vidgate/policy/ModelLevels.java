package dev.vidgate.policy;

import java.util.Map;

/**
 * The level of each model by configuration: an exact name, else the longest {@code prefix*} entry, else the default.
 * {@code sora-2*} is {@code strict} unless configured otherwise (the seed's rules are Sora 2's).
 */
public record ModelLevels(Map<String, Level> models, Level defaultLevel) {
    public static final String SORA = "sora-2*";

    public ModelLevels {
        var all = new java.util.HashMap<String, Level>();
        all.put(SORA, Level.STRICT);
        all.putAll(models);
        models = Map.copyOf(all);
    }

    public Level of(String model) {
        Level exact = models.get(model);
        if (exact != null) return exact;
        String best = null;
        for (String key : models.keySet()) {
            if (key.endsWith("*") && model.startsWith(key.substring(0, key.length() - 1))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best != null ? models.get(best) : defaultLevel;
    }
}
