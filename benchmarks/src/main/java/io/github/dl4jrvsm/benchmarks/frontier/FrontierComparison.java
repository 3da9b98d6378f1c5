package io.github.dl4jrvsm.benchmarks.frontier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Where one method's accuracy-sparsity curve lies against another's: each point of the first method whose sparsity
 * falls inside the other's measured range is compared with the other's accuracy linearly interpolated at that same
 * sparsity. Points outside the range are counted apart, never extrapolated.
 *
 * @param gaps      accuracy of the first method minus the other's at the same sparsity, one per comparable point
 * @param outside   points of the first method sparser or denser than every point of the other
 */
public record FrontierComparison(String method, String other, List<double[]> gaps, int outside) {

    /** {@code gaps} entries are {sparsity, accuracy difference}. */
    public static FrontierComparison of(String method, List<FrontierPoint> mine, String other, List<FrontierPoint> theirs,
                                        ToDoubleFunction<FrontierPoint> accuracy) {
        if (theirs.isEmpty()) {
            throw new IllegalArgumentException("no points of " + other + " to compare " + method + " with");
        }
        List<FrontierPoint> sorted = new ArrayList<>(theirs);
        sorted.sort(Comparator.comparingDouble(FrontierPoint::sparsity));
        List<double[]> gaps = new ArrayList<>();
        int outside = 0;
        for (FrontierPoint p : mine) {
            double at = interpolate(sorted, p.sparsity(), accuracy);
            if (Double.isNaN(at)) {
                outside++;
            } else {
                gaps.add(new double[]{p.sparsity(), accuracy.applyAsDouble(p) - at});
            }
        }
        return new FrontierComparison(method, other, List.copyOf(gaps), outside);
    }

    /** The other curve's accuracy at sparsity {@code s}, or NaN outside its range. */
    static double interpolate(List<FrontierPoint> sorted, double s, ToDoubleFunction<FrontierPoint> accuracy) {
        FrontierPoint first = sorted.get(0), last = sorted.get(sorted.size() - 1);
        if (s < first.sparsity() || s > last.sparsity()) {
            return Double.NaN;
        }
        for (int i = 1; i < sorted.size(); i++) {
            FrontierPoint a = sorted.get(i - 1), b = sorted.get(i);
            if (s <= b.sparsity()) {
                double span = b.sparsity() - a.sparsity();
                double t = span == 0 ? 0 : (s - a.sparsity()) / span;
                return accuracy.applyAsDouble(a) + t * (accuracy.applyAsDouble(b) - accuracy.applyAsDouble(a));
            }
        }
        return accuracy.applyAsDouble(first);   // a single point at exactly s
    }

    public double meanGap() {
        return gaps.stream().mapToDouble(g -> g[1]).average().orElse(Double.NaN);
    }

    public long above() {
        return gaps.stream().filter(g -> g[1] > 0).count();
    }

    /** One sentence for the results page. */
    public String summary() {
        if (gaps.isEmpty()) {
            return String.format(Locale.ROOT, "%s and %s have no sparsity range in common (%d points outside).",
                    method, other, outside);
        }
        return String.format(Locale.ROOT, "%s lies %s %s at %d of %d comparable sparsities (mean gap %+.2f "
                        + "points)%s.", method, meanGap() >= 0 ? "above" : "below", other,
                meanGap() >= 0 ? above() : gaps.size() - above(), gaps.size(), 100 * meanGap(),
                outside == 0 ? "" : "; " + outside + " of its points are outside " + other + "'s sparsity range");
    }
}
