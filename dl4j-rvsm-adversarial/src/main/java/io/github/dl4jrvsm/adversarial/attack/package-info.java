/**
 * Adversarial attacks behind one {@link io.github.dl4jrvsm.adversarial.attack.Attack} interface and one base,
 * {@link io.github.dl4jrvsm.adversarial.attack.AttackBase}, whose final {@code run} checks the inputs, seeds the
 * attack's random source, bounds the result, checks success with a
 * {@link io.github.dl4jrvsm.adversarial.attack.Criterion} and counts the model passes; attacks write only their inner
 * loop. Budgeted attacks extend {@link io.github.dl4jrvsm.adversarial.attack.FixedEpsilonAttack} with a
 * {@link io.github.dl4jrvsm.adversarial.attack.Norm} (L-infinity or L2).
 *
 * <p>The attacks: the projected-gradient family (FGSM, iterative FGSM, PGD, C&amp;W-Linf) in one loop,
 * Carlini-Wagner L2, the legacy "C&amp;W" of the EnResNet scripts and the black-box NAttack. All work in pixel space
 * [0, 1] and return images in it.
 */
package io.github.dl4jrvsm.adversarial.attack;
