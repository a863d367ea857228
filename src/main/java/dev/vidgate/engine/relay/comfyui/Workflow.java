package dev.vidgate.engine.relay.comfyui;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ComfyUI workflow in API format ("Save (API)" / "Export (API)": an object of nodes by id, each with
 * {@code class_type} and {@code inputs}) whose inputs carry named placeholders: a string input that is
 * exactly {@code "{{prompt}}"}, {@code "{{seed}}"}, ... is replaced by the job's value, typed (numbers stay
 * numbers). Checked once at start: the JSON is a graph, every link names an existing node, every placeholder
 * is known, the required ones are present, and an output node ComfyUI saves files with is in it.
 */
final class Workflow {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** What a template can ask for. */
    enum Slot {
        PROMPT, NEGATIVE_PROMPT, SEED, WIDTH, HEIGHT, FRAMES, FPS, IMAGE, LAST_IMAGE;

        String wireName() { return name().toLowerCase(Locale.ROOT); }

        static Slot of(String name) {
            for (Slot s : values()) if (s.wireName().equals(name)) return s;
            return null;
        }
    }

    /** Placeholders every template has: without them the job's request could not reach the graph. */
    static final Set<Slot> REQUIRED = EnumSet.of(Slot.PROMPT, Slot.SEED, Slot.WIDTH, Slot.HEIGHT, Slot.FRAMES);
    /** Node classes that write files ComfyUI lists in its history (core nodes, and VideoHelperSuite's combiner). */
    static final Set<String> OUTPUT_NODES = Set.of("SaveVideo", "SaveWEBM", "SaveAnimatedWEBP", "SaveAnimatedPNG",
            "SaveImage", "VHS_VideoCombine");
    /** Node classes that report sampler steps as {@code progress}. */
    private static final Set<String> SAMPLERS = Set.of("KSampler", "KSamplerAdvanced", "SamplerCustom", "SamplerCustomAdvanced");

    private final String source;
    private final ObjectNode graph;
    private final Map<Slot, List<String[]>> slots;
    private final int samplers;

    private Workflow(String source, ObjectNode graph, Map<Slot, List<String[]>> slots, int samplers) {
        this.source = source;
        this.graph = graph;
        this.slots = slots;
        this.samplers = samplers;
    }

    /**
     * Reads and checks a template; {@code needsImage} requires the {@code image} placeholder.
     *
     * @throws IllegalArgumentException naming {@code source} and, where one is at fault, the node
     */
    static Workflow parse(String source, byte[] bytes, boolean needsImage, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("workflow " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException("workflow " + source + " is not an API-format workflow (an object of nodes by id)");
        }
        if (root.has("nodes") && root.has("links")) {
            throw new IllegalArgumentException("workflow " + source + " is in ComfyUI's UI format; export it with \"Save (API)\"");
        }
        Map<Slot, List<String[]>> slots = new EnumMap<>(Slot.class);
        int samplers = 0;
        boolean output = false;
        for (Map.Entry<String, JsonNode> node : root.properties()) {
            String id = node.getKey();
            JsonNode inputs = node.getValue().path("inputs");
            String type = node.getValue().path("class_type").asString("");
            String at = "workflow " + source + ": node " + id;
            if (type.isBlank() || !inputs.isObject()) throw new IllegalArgumentException(at + " has no class_type or no inputs");
            at += " (" + type + ")";
            if (OUTPUT_NODES.contains(type)) output = true;
            if (SAMPLERS.contains(type)) samplers++;
            for (Map.Entry<String, JsonNode> input : inputs.properties()) {
                JsonNode value = input.getValue();
                if (value.isArray() && value.size() == 2 && value.get(1).isIntegralNumber() && !root.has(value.get(0).asString(""))) {
                    throw new IllegalArgumentException(at + ": input " + input.getKey() + " links to node " + value.get(0).asString("?")
                            + ", which the workflow does not have");
                }
                if (!value.isString()) continue;
                Matcher m = PLACEHOLDER.matcher(value.asString());
                if (!m.find()) continue;
                Slot slot = Slot.of(m.group(1));
                if (slot == null || m.start() != 0 || m.end() != value.asString().length()) {
                    throw new IllegalArgumentException(at + ": input " + input.getKey() + " has the placeholder " + m.group()
                            + "; a placeholder is a whole value, one of " + known());
                }
                slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(new String[] {id, input.getKey()});
            }
        }
        if (!output) {
            throw new IllegalArgumentException("workflow " + source + " has no output node (one of " + String.join(", ",
                    OUTPUT_NODES.stream().sorted().toList()) + ")");
        }
        Set<Slot> required = EnumSet.copyOf(REQUIRED);
        if (needsImage) required.add(Slot.IMAGE);
        for (Slot slot : required) {
            if (!slots.containsKey(slot)) {
                throw new IllegalArgumentException("workflow " + source + " lacks the placeholder {{" + slot.wireName() + "}}");
            }
        }
        return new Workflow(source, (ObjectNode) root, slots, samplers);
    }

    String source() { return source; }

    boolean takes(Slot slot) { return slots.containsKey(slot); }

    /** Sampler nodes in the graph: each reports its own steps, one after the other. */
    int samplers() { return Math.max(1, samplers); }

    /** A copy of the graph with every placeholder replaced by its value; slots without a value get an empty string. */
    ObjectNode fill(Map<Slot, Object> values) {
        ObjectNode copy = graph.deepCopy();
        for (Map.Entry<Slot, List<String[]>> slot : slots.entrySet()) {
            Object value = values.get(slot.getKey());
            for (String[] at : slot.getValue()) {
                ObjectNode inputs = (ObjectNode) copy.get(at[0]).get("inputs");
                switch (value) {
                    case Integer i -> inputs.put(at[1], i);
                    case Long l -> inputs.put(at[1], l);
                    case null -> inputs.put(at[1], "");
                    default -> inputs.put(at[1], value.toString());
                }
            }
        }
        return copy;
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(Slot.values()).map(s -> "{{" + s.wireName() + "}}").toList());
    }
}
