package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.AutoAttack;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.Locale;

/**
 * One progress bar over an AutoAttack run: {@code examples x stages} units, where the examples a stage skips (already
 * broken) count as done when it starts, so the ETA follows the work left. The message names the running attack and
 * the robust accuracy so far.
 */
final class AutoAttackProgress implements AutoAttack.Progress, AutoCloseable {

    private final int examples;
    private ProgressBar bar;

    private AutoAttackProgress(int examples) {
        this.examples = examples;
    }

    /** A bar for {@code examples}, or none when {@code show} is false. */
    static AutoAttackProgress of(int examples, boolean show) {
        AutoAttackProgress p = new AutoAttackProgress(examples);
        if (show) {
            p.bar = new ProgressBarBuilder().setTaskName("AutoAttack").setInitialMax(examples)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
        }
        return p;
    }

    @Override
    public void update(String attack, int stage, int stages, int done, int attacked, long robust) {
        if (bar == null) {
            return;
        }
        bar.maxHint((long) examples * stages);
        bar.stepTo((long) stage * examples + (examples - attacked) + done);
        bar.setExtraMessage(String.format(Locale.ROOT, " %s (%d/%d)  robust %.1f%%", attack, stage + 1, stages,
                100.0 * robust / examples));
    }

    /** Units done so far, -1 without a bar. */
    long current() {
        return bar == null ? -1 : bar.getCurrent();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
