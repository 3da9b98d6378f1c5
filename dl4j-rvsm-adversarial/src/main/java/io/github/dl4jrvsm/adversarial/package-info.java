/**
 * Adversarial attacks (FGSM, iterative FGSM, PGD, Carlini-Wagner, NAttack) against DL4J networks, adversarial
 * training iterators and robustness evaluation. Attacks work in pixel space [0,1] on the model as it is evaluated.
 */
package io.github.dl4jrvsm.adversarial;
