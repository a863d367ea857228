package dev.vidgate.testsupport;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.catalog.VideoSize;

import java.time.Duration;

/** The fake engine of the core's tests keeps the engine port's promises, so what those tests show holds for real engines. */
class ScriptedEngineContractTest extends EngineContract {
    private final ScriptedEngine engine = new ScriptedEngine("scripted", 2);

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(1280, 720), 4, "a calm sea at dawn", null);
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        engine.script(jobId, new EngineStatus.Running(0), new EngineStatus.Failed("prompt_refused", "The prompt was refused.", false));
        return request(jobId);
    }

    @Override
    protected String handleItCannotResume() {
        return "scripted-999999";
    }

    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
