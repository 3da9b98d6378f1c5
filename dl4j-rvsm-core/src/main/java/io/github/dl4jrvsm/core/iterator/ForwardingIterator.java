package io.github.dl4jrvsm.core.iterator;

import java.util.Iterator;

/**
 * What the delegating iterators share whichever DL4J interface they implement. {@code DataSetIterator} and
 * {@code MultiDataSetIterator} have no common supertype beyond {@link Iterator}, so only the part that does not depend
 * on the interface lives here: the wrapped iterator, batches one at a time, and no prefetching of the wrapper.
 *
 * @param <T> the batch type
 * @param <I> the wrapped iterator's type
 */
abstract class ForwardingIterator<T, I extends Iterator<T>> {

    /** The wrapped iterator, never null. */
    protected final I base;

    ForwardingIterator(I base) {
        if (base == null) {
            throw new IllegalArgumentException("the wrapped iterator must not be null");
        }
        this.base = base;
    }

    public T next() {
        return base.next();
    }

    public T next(int num) {
        throw new UnsupportedOperationException("next(int) is not supported by " + getClass().getSimpleName() + "; use next()");
    }

    public boolean hasNext() {
        return base.hasNext();
    }

    /**
     * Always false: wrappers here call the model being trained, and DL4J's prefetch thread would then wait for the
     * network that {@code fit} holds.
     */
    public boolean asyncSupported() {
        return false;
    }
}
