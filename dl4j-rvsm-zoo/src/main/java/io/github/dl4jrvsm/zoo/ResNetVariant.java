package io.github.dl4jrvsm.zoo;

/** Where batch norm and ReLU sit in a residual block. */
public enum ResNetVariant {
    /**
     * He et al. 2016 ("Identity mappings"): BN and ReLU before each convolution, nothing after the sum; one BN + ReLU
     * before the pooling head. The authors' ResNet20/38 and EnResNet use it.
     */
    PRE_ACTIVATION,
    /** He et al. 2015: convolution, BN, ReLU; ReLU after the residual sum; BN + ReLU on the stem. */
    POST_ACTIVATION
}
