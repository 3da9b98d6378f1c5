/**
 * A numerical companion to the convergence theory of the relaxed variable splitting method (chapter 3 of the
 * dissertation): the models the theorems are proved on, the two algorithms run on their exact population losses, and
 * the bounds and limit identities the theorems state.
 *
 * <ul>
 *   <li>{@link io.github.dl4jrvsm.theory.NonOverlapNetwork}: one shared ReLU filter on {@code k} disjoint
 *       Gaussian patches, its closed-form risk (3.2) and gradient (3.16), built on the Gaussian moments in
 *       {@link io.github.dl4jrvsm.theory.GaussianActivationMoments}.</li>
 *   <li>{@link io.github.dl4jrvsm.theory.BinarizedNonOverlapNetwork}: the same model with a step activation,
 *       its loss {@code k theta / pi} and the expected coarse gradient (3.23).</li>
 *   <li>{@link io.github.dl4jrvsm.theory.RelaxedSplittingSolver} (Algorithm 1, RVSM) and
 *       {@link io.github.dl4jrvsm.theory.CoarseGradientSolver} (Algorithm 2, RVSCGD), which take any
 *       {@link io.github.dl4jrvsm.core.prox.Penalty} through
 *       {@link io.github.dl4jrvsm.theory.SplittingCoupling} and return a
 *       {@link io.github.dl4jrvsm.theory.SplittingTrajectory} for inspection.</li>
 *   <li>{@link io.github.dl4jrvsm.theory.TheoremConditions} and
 *       {@link io.github.dl4jrvsm.theory.ShrinkageIdentity}: the admissible constants of Theorems 3.1 and 3.2
 *       and the characterisation of their limit points (Corollary 2).</li>
 * </ul>
 *
 * <p>Everything here is exact, small and deterministic (vectors are plain {@code double[]}); it exists to check the
 * library's penalties and update order against the theory, not to train networks.
 */
package io.github.dl4jrvsm.theory;
