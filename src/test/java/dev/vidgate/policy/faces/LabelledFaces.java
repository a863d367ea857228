package dev.vidgate.policy.faces;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled set under {@code src/test/resources/policy/faces} ({@code manifest.csv}: file, label, source, licence),
 * each picture fitted into a 1280x720 reference the way a client would send it: scaled to fit, centred on black.
 */
public final class LabelledFaces {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    private static final String ROOT = "/policy/faces/";

    private LabelledFaces() {}

    /** One picture of the set: its file name, whether it shows a human face, and the 1280x720 reference. */
    public record Sample(String file, boolean face, BufferedImage picture) {
        /**
         * Whether the picture is in the half the settings were chosen on (a fixed split by the file name's hash); the
         * other half is held out, to show how far the figures carry to pictures the choice never saw.
         */
        public boolean tuning() {
            return Math.floorMod(file.hashCode(), 2) == 0;
        }
    }

    public static List<Sample> load() {
        List<Sample> samples = new ArrayList<>();
        for (String line : resource("manifest.csv").lines().skip(1).toList()) samples.add(sample(line.split(",", -1)));
        return samples;
    }

    /** One picture of the set, by its file name in the manifest (decoding only that one). */
    public static Sample load(String file) {
        return resource("manifest.csv").lines().skip(1).map(line -> line.split(",", -1))
                .filter(columns -> columns[0].equals(file)).findFirst().map(LabelledFaces::sample)
                .orElseThrow(() -> new IllegalArgumentException("no " + file + " in the manifest"));
    }

    private static Sample sample(String[] columns) {
        return new Sample(columns[0], columns[1].equals("face"), fitted(read(columns[0])));
    }

    /** The picture scaled to fit 1280x720, centred on black. */
    public static BufferedImage fitted(BufferedImage source) {
        double scale = Math.min(WIDTH / (double) source.getWidth(), HEIGHT / (double) source.getHeight());
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(source, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The encoded bytes of one picture of the set, as stored. */
    public static byte[] bytes(String file) {
        try (InputStream in = stream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(String file) {
        try (InputStream in = stream(file)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static String resource(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String file) {
        InputStream in = LabelledFaces.class.getResourceAsStream(ROOT + file);
        if (in == null) throw new IllegalArgumentException("no " + ROOT + file + " on the test classpath");
        return in;
    }
}
