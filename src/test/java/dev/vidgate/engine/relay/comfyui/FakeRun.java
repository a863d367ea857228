package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.relay.comfyui.FakeComfyUi.Fault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One prompt's run in {@link FakeComfyUi}, as ComfyUI's executor reports it: {@code execution_start},
 * {@code execution_cached} (the loaders, as if already loaded), {@code executing} per node, {@code progress}
 * {@link FakeComfyUi#STEPS} steps per sampler, {@code executed} with the saved files, {@code execution_success}
 * and {@code executing} with {@code node: null}; or {@code execution_error} / {@code execution_interrupted} with the
 * history entry ComfyUI writes for them. One message per tick.
 */
final class FakeRun {
    private final FakeComfyUi fake;
    private final JsonMapper json;
    private final String id;
    private final String client;
    private final JsonNode graph;
    private final List<Runnable> steps = new ArrayList<>();
    private final ArrayNode messages;
    private int stepsTaken;

    FakeRun(FakeComfyUi fake, String id, String client, JsonNode graph) {
        this.fake = fake;
        this.json = fake.mapper();
        this.id = id;
        this.client = client;
        this.graph = graph;
        this.messages = json.createArrayNode();
        plan();
    }

    private void plan() {
        steps.add(() -> say("execution_start", data().put("timestamp", System.currentTimeMillis())));
        ArrayNode cached = json.createArrayNode();
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if (node.getValue().path("class_type").asString().endsWith("Loader")) cached.add(node.getKey());
        }
        steps.add(() -> {
            ObjectNode d = data();
            d.set("nodes", cached);
            say("execution_cached", d);
        });
        boolean first = true;
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            String type = node.getValue().path("class_type").asString();
            if (type.endsWith("Loader")) continue;
            String nodeId = node.getKey();
            steps.add(() -> say("executing", data().put("node", nodeId).put("display_node", nodeId)));
            if (type.startsWith("KSampler")) {
                for (int v = 1; v <= FakeComfyUi.STEPS; v++) {
                    int value = v;
                    steps.add(() -> say("progress", data().put("value", value).put("max", FakeComfyUi.STEPS).put("node", nodeId)));
                    if (first && v == 1) steps.add(this::afterFirstStep);
                }
                if (first) steps.add(() -> failIf(Fault.OUT_OF_MEMORY, nodeId, type));
                first = false;
            }
        }
        steps.add(this::saveAndFinish);
    }

    /** Schedules the steps one tick apart; an interrupt, a restart or a fault ends the run early. */
    void schedule(ScheduledExecutorService worker, Duration tick) {
        worker.schedule(new Runnable() {
            @Override
            public void run() {
                if (stepsTaken >= steps.size() || fake.stopped(id)) return;
                if (fake.interrupted) {
                    interrupted();
                    return;
                }
                steps.get(stepsTaken++).run();
                if (!fake.stopped(id)) worker.schedule(this, tick.toMillis(), TimeUnit.MILLISECONDS);
            }
        }, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void afterFirstStep() {
        if (fake.faults.contains(Fault.NEVER_ENDS)) stepsTaken = Integer.MAX_VALUE;
        if (fake.faults.contains(Fault.RESTART)) fake.restart();
        if (fake.faults.contains(Fault.SOCKET_DROP)) fake.socket.dropAll(true);
    }

    private void failIf(Fault fault, String nodeId, String type) {
        if (!fake.faults.contains(fault)) return;
        ObjectNode error = data().put("node_id", nodeId).put("node_type", type).put("exception_type", "torch.OutOfMemoryError")
                .put("exception_message", "Allocation on device 0 would exceed allowed memory. (out of memory)\nCurrently allocated     : 21.49 GiB");
        error.putArray("traceback").add("  File \"/opt/ComfyUI/execution.py\", line 496, in execute\n");
        error.putObject("current_inputs");
        error.putObject("current_outputs");
        say("execution_error", error);
        end("error", null);
    }

    private void interrupted() {
        say("execution_interrupted", data().put("node_id", "10").put("node_type", "KSamplerAdvanced"));
        end("error", null);
    }

    private void saveAndFinish() {
        String saver = null;
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if (Workflow.OUTPUT_NODES.contains(node.getValue().path("class_type").asString())) saver = node.getKey();
        }
        ObjectNode output = json.createObjectNode();
        ArrayNode images = output.putArray("images");
        List<FakeOutputs.File> files = fake.output;
        for (FakeOutputs.File file : files) {
            fake.save("video/" + file.name(), file.bytes());
            images.add(json.createObjectNode().put("filename", file.name()).put("subfolder", "video").put("type", "output"));
        }
        if (files.size() == 1 && !files.getFirst().name().endsWith(".png")) output.putArray("animated").add(true);
        say("executed", data().put("node", saver).put("display_node", saver).set("output", output));
        say("execution_success", data().put("timestamp", System.currentTimeMillis()));
        say("executing", data().putNull("node"));
        ObjectNode outputs = json.createObjectNode();
        outputs.set(saver, output);
        end("success", outputs);
    }

    private void end(String status, ObjectNode outputs) {
        ObjectNode entry = json.createObjectNode();
        entry.set("outputs", outputs == null ? json.createObjectNode() : outputs);
        ObjectNode state = entry.putObject("status").put("status_str", status).put("completed", "success".equals(status));
        state.set("messages", messages);
        stepsTaken = Integer.MAX_VALUE;
        fake.finish(id, entry);
    }

    private ObjectNode data() {
        return json.createObjectNode().put("prompt_id", id);
    }

    private void say(String type, ObjectNode data) {
        if (!type.equals("progress") && !type.equals("executing") && !type.equals("executed")) {
            messages.add(json.createArrayNode().add(type).add(data));
        }
        fake.socket.send(client, type, data);
    }
}
