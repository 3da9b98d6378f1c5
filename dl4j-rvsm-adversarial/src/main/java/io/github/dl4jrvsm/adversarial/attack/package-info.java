/**
 * Adversarial attacks behind one {@link io.github.dl4jrvsm.adversarial.attack.Attack} interface: the L-infinity
 * gradient-sign family (FGSM, iterative FGSM, PGD, C&amp;W-Linf) in one loop, Carlini-Wagner L2, the legacy "C&amp;W"
 * of the EnResNet scripts, and the black-box NAttack. All work in pixel space [0, 1] and return images in it.
 */
package io.github.dl4jrvsm.adversarial.attack;
