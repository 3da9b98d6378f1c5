package io.github.dl4jrvsm.cli.plots;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.awt.Color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the plot tests: a real PNG of the asked size with content, and nothing else left behind. */
final class PngAssertions {

    private PngAssertions() {
    }

    /** {@code png} decodes, has the given size, and shows more than a few colours (axes, text, series). */
    static BufferedImage assertPng(Path png, int width, int height) throws IOException {
        assertTrue(Files.size(png) > 0, png + " is empty");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is not an image ImageIO can read");
        assertEquals(width, img.getWidth(), "width");
        assertEquals(height, img.getHeight(), "height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "image has only " + colours.size() + " colours");
        return img;
    }

    /** The directory holds exactly {@code names} (no temporary files). */
    static void assertOnlyFiles(Path dir, String... names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.of(names), new HashSet<>(s.map(p -> p.getFileName().toString()).toList()),
                    "files in " + dir);
        }
    }

    /** Whether some pixel within the image has (nearly) the given colour, e.g. a series colour. */
    static boolean containsColour(BufferedImage img, Color c) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) < 12) {
                    return true;
                }
            }
        }
        return false;
    }
}
