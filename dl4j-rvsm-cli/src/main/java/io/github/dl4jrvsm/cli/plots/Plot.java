package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What every plot of this package shares: a title, a fixed pixel size, one look, and an atomic PNG write.
 *
 * <p>Plots are written by servers and CI machines without a display, so the first plot created sets
 * {@code java.awt.headless=true} unless the property was set explicitly. The PNG is rendered to a temporary file next
 * to the target and moved into place ({@link AtomicFiles#write}), so a run directory never holds half an image.
 *
 * @param <P> the concrete plot, for fluent setters
 */
public abstract sealed class Plot<P extends Plot<P>>
        permits HistogramPlot, TrainingCurvesPlot, RobustnessCurvePlot, FrontierPlot, SensitivityPlot {

    /** Default width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 500;

    /** A palette that stays distinguishable in grey-scale print and for the common colour-vision deficiencies. */
    static final Color[] COLORS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private String title;
    private boolean customTitle;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;

    Plot(String defaultTitle) {
        this.title = defaultTitle;
    }

    /** Replaces the chart title. */
    public P title(String title) {
        this.title = requireText(title, "title");
        this.customTitle = true;
        return self();
    }

    /** Sets the image size in pixels; at least 300 x 200 so that titles and legends fit. */
    public P size(int width, int height) {
        if (width < 300 || height < 200) {
            throw new IllegalArgumentException("Plot size must be at least 300x200 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return self();
    }

    public String title() {
        return title;
    }

    /** Whether {@link #title(String)} was called (plots may refine their default title otherwise). */
    boolean hasCustomTitle() {
        return customTitle;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Renders the chart and writes it to {@code png} through a temporary file in the same directory. */
    public void write(Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart());
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("No PNG writer available in this JVM");
            }
        });
    }

    /** The chart with the current data; throws {@link IllegalArgumentException} when there is nothing to draw. */
    abstract XYChart chart();

    @SuppressWarnings("unchecked")
    P self() {
        return (P) this;
    }

    /** A chart with this package's look: white background, grey grid, legend inside the top right corner. */
    XYChart newChart(String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setSeriesColors(COLORS);
        s.setChartTitleBoxVisible(false);
        s.setToolTipsEnabled(false);
        return chart;
    }

    static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }

    /** Colour {@code i} of the palette with the given alpha (0-255). */
    static Color color(int i, int alpha) {
        Color c = COLORS[i % COLORS.length];
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
