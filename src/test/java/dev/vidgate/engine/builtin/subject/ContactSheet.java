package dev.vidgate.engine.builtin.subject;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Not a test: writes every subject's sprite in a grid (file name order) to the path given, to check how they face. */
final class ContactSheet {
    public static void main(String[] args) throws IOException {
        var all = SubjectCatalog.standard().all().stream().filter(x -> args.length < 2 || java.util.List.of(args).subList(1, args.length).contains(x.name())).toList();
        int cell = args.length < 2 ? 64 : 160;
        int columns = args.length < 2 ? 16 : 5;
        int rows = (all.size() + columns - 1) / columns;
        int[] px = new int[columns * cell * rows * cell];
        java.util.Arrays.fill(px, 0xFFFFFF);
        for (int i = 0; i < all.size(); i++) {
            Sprite s = Sprite.of(all.get(i), cell - 8, Facing.mirror(all.get(i)));
            s.blendInto(px, columns * cell, rows * cell, (i % columns) * cell + 4, (i / columns) * cell + cell - 4, 1, 1);
        }
        BufferedImage image = new BufferedImage(columns * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, columns * cell, rows * cell, px, 0, columns * cell);
        ImageIO.write(image, "png", Path.of(args[0]).toFile());
    }
}
