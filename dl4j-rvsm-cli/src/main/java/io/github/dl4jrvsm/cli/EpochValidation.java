package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What is measured after every epoch to choose the model: accuracy on the validation split (the test set's first
 * 500 images when there is none), PGD-10 accuracy on 200 of those images when training is adversarial, and sparsity.
 *
 * @param data        the training run's data
 * @param attack      the attack settings of adversarial training (epsilon and step of the PGD-10 check)
 * @param adversarial whether training is adversarial, so that robust accuracy is worth measuring
 * @param seed        the seed of the PGD-10 check
 * @param weights     what the sparse layers hold at an epoch's end, so that u is measured without a second prox
 */
record EpochValidation(TrainingData data, AttackOptions attack, boolean adversarial, long seed,
                       SparseExport.Weights weights) {

    EpochRecord measure(Model net, int epoch, double seconds) {
        DataSet val = data.validation() != null ? data.validation() : TrainingData.head(data.test(), 500);
        double acc = accuracy(net, val);
        double robust = Double.NaN;
        if (adversarial) {
            DataSet sub = TrainingData.head(val, 200);
            robust = ProjectedGradientDescent.pgd(attack.eps, attack.alpha, 10).withSeed(seed)
                    .run(AttackModel.of(net), sub.getFeatures(), sub.getLabels()).failureRate();
        }
        SparsityReport s = SparsityReport.of(SparseExport.sparseCopyKeepingBatchNorm(net, weights), data.shape().channels(),
                data.shape().height(), data.shape().width());
        return new EpochRecord(epoch + 1, net.score(), acc, robust, s.sparsity(), s.channelSparsity(), seconds);
    }

    /** The share of {@code d} that {@code net} classifies correctly. */
    static double accuracy(Model net, DataSet d) {
        ListDataSetIterator<DataSet> it = new ListDataSetIterator<>(d.asList(), 250);
        return NetworkAdapter.of(net).evaluate(it).accuracy();
    }
}
