package io.github.dl4jrvsm.adversarial.attack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the settings map of {@link Attack#settings()}, so that every attack reports its settings the same way. */
final class Settings {

    private Settings() {
    }

    /**
     * The settings in the order given, as a new modifiable map.
     *
     * @param namesAndValues a setting's name followed by its value, for each setting
     */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
