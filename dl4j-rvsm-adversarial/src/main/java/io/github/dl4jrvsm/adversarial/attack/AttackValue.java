package io.github.dl4jrvsm.adversarial.attack;

/**
 * Value equality for attacks: two attacks are equal when they are of the same class with the same name and settings.
 *
 * <p>Every attack's {@link #settings()} lists all that it is configured with (its report must say exactly what was
 * run), so the settings are the one description to compare; a configuration that holds attacks, such as a robustness
 * evaluation, is then equal to an equally configured copy.
 */
public abstract class AttackValue implements Attack {

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Attack) o).name().equals(name())
                && ((Attack) o).settings().equals(settings());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + settings().hashCode();
    }
}
