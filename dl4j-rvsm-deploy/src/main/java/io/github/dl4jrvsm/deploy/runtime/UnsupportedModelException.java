package io.github.dl4jrvsm.deploy.runtime;

/** The network holds something the sparse runtime cannot run; the message names it and what is supported. */
public final class UnsupportedModelException extends IllegalArgumentException {

    public UnsupportedModelException(String message) {
        super(message);
    }
}
