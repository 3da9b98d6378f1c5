package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The target classes of the targeted attacks of AutoAttack: the classes the model ranks highest after its own. */
final class Targets {

    private Targets() {
    }

    /**
     * One-hot rows of the class ranked {@code rank} by {@code scores} (0 = the predicted class, 1 = the runner-up);
     * ties go to the lower class index.
     */
    static INDArray ranked(INDArray scores, int rank) {
        double[][] s = HostArrays.rows(scores);
        int[] target = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            boolean[] used = new boolean[s[i].length];
            int pick = -1;
            for (int r = 0; r <= rank; r++) {
                pick = -1;
                for (int c = 0; c < s[i].length; c++) {
                    if (!used[c] && (pick < 0 || s[i][c] > s[i][pick])) {
                        pick = c;
                    }
                }
                used[pick] = true;
            }
            target[i] = pick;
        }
        return Margins.oneHot(target, s[0].length, scores.dataType());
    }
}
