package dev.vidgate.app;

import dev.vidgate.engine.relay.Flavour;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ark.ArkProvider;
import dev.vidgate.engine.relay.fal.FalProvider;
import dev.vidgate.engine.relay.kling.KlingProvider;
import dev.vidgate.engine.relay.gemini.GeminiProvider;
import dev.vidgate.engine.relay.vertex.VertexProvider;
import dev.vidgate.engine.relay.comfyui.ComfyUiProvider;
import dev.vidgate.engine.relay.dashscope.DashScopeProvider;
import dev.vidgate.engine.relay.minimax.MiniMaxProvider;
import dev.vidgate.engine.relay.luma.LumaProvider;
import dev.vidgate.engine.relay.runway.RunwayProvider;
import dev.vidgate.engine.relay.openrouter.OpenRouterProvider;
import dev.vidgate.engine.relay.xai.XaiProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * The provider adapters the relay can speak, by the flavour name a channel's configuration gives. The one
 * place that knows them all: an adapter is added here and nowhere else.
 */
final class Providers {
    private Providers() {}

    static List<Provider> all() {
        List<Provider> all = new ArrayList<>(List.of(Flavour.values()));
        all.add(new ArkProvider());
        all.add(new KlingProvider());
        all.add(new GeminiProvider());
        all.add(new VertexProvider());
        all.add(new ComfyUiProvider());
        all.add(new DashScopeProvider());
        all.add(new MiniMaxProvider());
        all.add(new RunwayProvider());
        all.add(new LumaProvider());
        all.add(new FalProvider());
        all.add(new XaiProvider());
        all.add(new OpenRouterProvider());
        return List.copyOf(all);
    }
}
