package dev.vidgate.engine.builtin;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.testsupport.media.Landscapes;
import dev.vidgate.testsupport.media.TestImages;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the living-picture stills of {@code docs/renderer.md} (not a test): for each image-to-video prompt
 * of the seeds, on the lakeside of {@link Landscapes}, one strip of frame 0, frame 72 (3 s) and a motion
 * map (how much each pixel changes between frames 66 and 72, amplified: black is still). Arguments: the
 * output folder and a name suffix ({@code after}; the same class compiled against an older renderer
 * writes {@code before}). Only renderer classes that every version has are used, so it compiles on both.
 */
public final class LivingStills {
    private static final int W = 320;
    private static final int H = 180;
    private static final int SECONDS = 4;

    private LivingStills() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/renderer");
        String suffix = args.length > 1 ? args[1] : "after";
        Files.createDirectories(out);
        byte[] reference = TestImages.png(Landscapes.lakeside(W, H).picture());
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("waves-leaves-push-in", "Animate this scene: gentle waves lapping, leaves swaying, cinematic camera push-in");
        prompts.put("waves-shore-breeze", "Animate this scene: gentle waves lapping against the shore, leaves swaying in the breeze");
        prompts.put("golden-hour-push-in", "Animate this scene with cinematic camera push-in, soft golden hour lighting");
        prompts.put("comes-to-life", "The scene comes to life with gentle movement");
        prompts.put("static-waves-leaves", "static camera, gentle waves lapping, leaves swaying");
        for (var e : prompts.entrySet()) {
            GenerationRequest request = new GenerationRequest("still", "sora-2", new VideoSize(W, H), SECONDS, e.getValue(), reference);
            Shot shot = Shot.plan(request, ClipFormat.frameCount(SECONDS));
            BufferedImage strip = new BufferedImage(3 * W, H, BufferedImage.TYPE_BYTE_INDEXED);
            int[] first = frame(shot, 0);
            int[] later = frame(shot, 72);
            int[] before = frame(shot, 66);
            int[] map = new int[W * H];
            for (int i = 0; i < map.length; i++) {
                int v = Math.min(255, 6 * Math.abs(luma(later[i]) - luma(before[i])));
                map[i] = v << 16 | v << 8 | v;
            }
            strip.setRGB(0, 0, W, H, first, 0, W);
            strip.setRGB(W, 0, W, H, later, 0, W);
            strip.setRGB(2 * W, 0, W, H, map, 0, W);
            ImageIO.write(strip, "png", out.resolve("living-" + e.getKey() + "-" + suffix + ".png").toFile());
        }
    }

    private static int[] frame(Shot shot, int index) {
        FrameBuffer buffer = new FrameBuffer(W, H);
        shot.render(index, buffer);
        int[] shown = new int[W * H];
        PlanesToRgb.full(buffer.yuv(), buffer.planes(), shown);
        return shown;
    }

    private static int luma(int rgb) {
        return (299 * ((rgb >> 16) & 255) + 587 * ((rgb >> 8) & 255) + 114 * (rgb & 255)) / 1000;
    }
}
