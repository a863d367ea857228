package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.catalog.VideoSize;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the stills of {@code docs/renderer.md} (not a test): one frame per look, applied to a picture
 * (image-to-video), and one per scene family (text-to-video), 480x270 PNGs reduced to 256 colours so
 * the folder stays small, and the seeds' prompts with their subjects ({@code subjects-*.png}). Run with the test classpath,
 * argument: the output folder.
 */
public final class RendererStills {
    private static final int W = 480;
    private static final int H = 270;
    private static final int SECONDS = 4;
    private static final int FRAME = 70; // late enough for every look to have developed

    private RendererStills() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/renderer");
        Files.createDirectories(out);
        BufferedImage base = frame(request("a harbour with a lighthouse at noon, static shot", null), 0);
        byte[] reference = TestImages.png(base);
        ImageIO.write(reduce(base), "png", out.resolve("look-none.png").toFile());
        Map<String, String> looks = new LinkedHashMap<>();
        looks.put("golden-hour", "static shot, golden hour");
        looks.put("sunset", "static shot, sunset");
        looks.put("night", "static shot, night");
        looks.put("fog", "static shot, fog");
        looks.put("rain", "static shot, rain");
        looks.put("snow", "static shot, snow");
        looks.put("neon", "static shot, neon");
        looks.put("black-and-white", "static shot, black and white");
        looks.put("cinematic", "static shot, cinematic");
        looks.put("flicker", "static shot, flickering candlelight");
        writeAll(out, "look-", looks, reference);
        Map<String, String> scenes = new LinkedHashMap<>();
        scenes.put("sea", "waves on the sea at sunset");
        scenes.put("sky", "clouds in the sky at golden hour");
        scenes.put("city", "a city skyline at night");
        scenes.put("forest", "a pine forest at dawn");
        scenes.put("fire", "a campfire at night");
        scenes.put("space", "a nebula in outer space");
        scenes.put("abstract", "a dream");
        writeAll(out, "scene-", scenes, null);
        writeAll(out, "subjects-", SUBJECT_PROMPTS, null);
    }

    /** The seeds' text-to-video prompts, drawn with their subjects (docs/renderer.md shows them beside the same frames before). */
    static final Map<String, String> SUBJECT_PROMPTS = new LinkedHashMap<>();

    static {
        SUBJECT_PROMPTS.put("cat-motorcycle", "A video of a cool cat on a motorcycle in the night");
        SUBJECT_PROMPTS.put("golden-retriever", "the golden retriever on the beach");
        SUBJECT_PROMPTS.put("golden-retriever-zh", "一只金毛犬在海滩上奔跑");
    }

    /** One still per entry, {@code prefix + name + ".png"}, of the prompt (on the reference picture, if any). */
    private static void writeAll(Path out, String prefix, Map<String, String> prompts, byte[] reference) throws IOException {
        for (var entry : prompts.entrySet()) {
            write(out.resolve(prefix + entry.getKey() + ".png"), frame(request(entry.getValue(), reference), FRAME));
        }
    }

    private static GenerationRequest request(String prompt, byte[] reference) {
        return new GenerationRequest("still", "sora-2", new VideoSize(W, H), SECONDS, prompt, reference);
    }

    /** Frame {@code index} with its look, as the viewer sees it. */
    private static BufferedImage frame(GenerationRequest request, int index) {
        Shot shot = Shot.plan(request, ClipFormat.frameCount(SECONDS));
        FrameBuffer buffer = new FrameBuffer(W, H);
        shot.render(index, buffer);
        int[] shown = new int[W * H];
        PlanesToRgb.full(buffer.yuv(), buffer.planes(), shown);
        BufferedImage copy = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        copy.setRGB(0, 0, W, H, shown, 0, W);
        return copy;
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        ImageIO.write(reduce(image), "png", file.toFile());
    }

    /** The image in 256 colours (a 6x7x6 colour cube plus greys), ordered-dithered: a third of the PNG size. */
    private static BufferedImage reduce(BufferedImage image) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int i = 0;
        for (int ri = 0; ri < 6; ri++) {
            for (int gi = 0; gi < 7; gi++) {
                for (int bi = 0; bi < 6; bi++, i++) {
                    r[i] = (byte) (ri * 51);
                    g[i] = (byte) (gi * 255 / 6);
                    b[i] = (byte) (bi * 51);
                }
            }
        }
        for (; i < 256; i++) {
            int v = (i - 252) * 64 + 32;
            r[i] = g[i] = b[i] = (byte) Math.min(255, v);
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }
}
