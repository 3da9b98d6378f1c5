package io.github.dl4jrvsm.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/** Reports as JSON text, written the same way by every report of the library. */
public final class JsonText {

    private JsonText() {
    }

    /**
     * {@code value} as JSON by {@code mapper}. A report that cannot be written is a bug in the report class, not a
     * condition the caller can handle, so the exception is unchecked.
     */
    public static String of(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
