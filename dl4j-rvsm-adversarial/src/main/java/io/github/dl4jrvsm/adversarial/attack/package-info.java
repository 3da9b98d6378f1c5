/**
 * Adversarial attacks behind one {@link io.github.dl4jrvsm.adversarial.attack.Attack} interface and one base,
 * {@link io.github.dl4jrvsm.adversarial.attack.AttackBase}, whose final {@code run} checks the inputs, seeds the
 * attack's random source, bounds the result, checks success with a
 * {@link io.github.dl4jrvsm.adversarial.attack.Criterion} and counts the model passes; attacks write only their inner
 * loop. Budgeted attacks extend {@link io.github.dl4jrvsm.adversarial.attack.FixedEpsilonAttack} with a
 * {@link io.github.dl4jrvsm.adversarial.attack.Norm} (L-infinity or L2).
 *
 * <p>The attacks: the projected-gradient family (FGSM, iterative FGSM, PGD, C&amp;W-Linf; L-infinity and L2) in one
 * loop; the AutoAttack family after the authors' reference code: APGD on the cross-entropy and DLR losses
 * ({@link io.github.dl4jrvsm.adversarial.attack.AutoPgd}), APGD-T
 * ({@link io.github.dl4jrvsm.adversarial.attack.AutoPgdTargeted}), FAB-T
 * ({@link io.github.dl4jrvsm.adversarial.attack.FabTargeted}) and the score-based Square attack
 * ({@link io.github.dl4jrvsm.adversarial.attack.SquareAttack}); Carlini-Wagner L2 (minimum-norm, no epsilon); the
 * legacy "C&amp;W" of the EnResNet scripts and the black-box NAttack, which have L-infinity forms only. All work in
 * pixel space [0, 1] and return images in it. FAB's untargeted form and the L1 threat model of AutoAttack are not implemented: the standard version
 * runs FAB-T only, and L1 robustness is not one the project reports.
 */
package io.github.dl4jrvsm.adversarial.attack;
