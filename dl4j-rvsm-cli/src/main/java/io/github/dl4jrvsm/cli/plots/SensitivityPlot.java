package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.pruning.PruningStructure;
import io.github.dl4jrvsm.pruning.SensitivityResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * A pruning sensitivity analysis: accuracy against the share of one layer pruned, one line per layer, each starting
 * at the unpruned accuracy (level 0). A flat line is a layer that can be pruned hard; a line that falls early is one
 * to leave dense or prune little.
 *
 * <p>Why one chart and not one per layer: the layers are chosen against each other, which is easiest where their
 * lines share axes (Distiller draws it the same way). The legend sits outside the plot area because a deep network
 * has more layers than fit inside it, and layers beyond the palette's six colours change marker, so up to 24 lines
 * stay distinguishable.
 *
 * <pre>{@code
 * new SensitivityPlot(result).write(dir.resolve("sensitivity.png"));
 * }</pre>
 */
public final class SensitivityPlot extends Plot<SensitivityPlot> {

    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
            SeriesMarkers.TRIANGLE_UP};

    private final SensitivityResult result;

    /** @throws IllegalArgumentException for a result without points */
    public SensitivityPlot(SensitivityResult result) {
        super("Pruning sensitivity");
        if (result == null || result.points().isEmpty()) {
            throw new IllegalArgumentException("No sensitivity points to plot: run the analysis on at least one layer");
        }
        this.result = result;
    }

    /** One layer's line: level 0 at the unpruned accuracy, then the measured levels. */
    record Line(String layer, double[] level, double[] accuracy) {
    }

    List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (String layer : result.layers()) {
            List<SensitivityResult.Point> c = result.curve(layer);
            double[] x = new double[c.size() + 1], y = new double[c.size() + 1];
            y[0] = result.baseline();
            for (int i = 0; i < c.size(); i++) {
                x[i + 1] = c.get(i).level();
                y[i + 1] = c.get(i).accuracy();
            }
            out.add(new Line(layer, x, y));
        }
        return out;
    }

    @Override
    XYChart chart() {
        String unit = result.structure() == PruningStructure.CHANNELS ? "output channels pruned (smallest l1 norm"
                : "weights pruned (smallest magnitude";
        XYChart chart = newChart("share of the layer's " + unit + " first)", "accuracy");
        var st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(1.0);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setXAxisDecimalPattern("0%");
        st.setYAxisDecimalPattern("0%");
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        List<Line> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            XYSeries s = chart.addSeries(l.layer(), l.level(), l.accuracy());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(color(i, 255));
            s.setMarkerColor(color(i, 255));
            s.setMarker(MARKERS[(i / COLORS.length) % MARKERS.length]);
            s.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }
}
