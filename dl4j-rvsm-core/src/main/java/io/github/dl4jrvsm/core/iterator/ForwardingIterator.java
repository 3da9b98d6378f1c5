package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.AsyncMultiDataSetIterator;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the delegating iterators share whichever DL4J interface they implement: the wrapped iterator, batches one at a
 * time, no prefetching of the wrapper, and reset and pre-processor calls passed to the wrapped iterator.
 * {@code DataSetIterator} and {@code MultiDataSetIterator} have no common supertype beyond {@link Iterator}, so the
 * calls whose signatures differ between them reach the wrapped iterator through its interface's {@link Operations}.
 *
 * @param <T> the batch type
 * @param <P> the pre-processor type
 * @param <I> the wrapped iterator's type
 */
abstract class ForwardingIterator<T, P, I extends Iterator<T>> {

    /**
     * The calls both DL4J iterator interfaces declare with their own types, as method references of one of them, and
     * how to prefetch such an iterator on a background thread.
     *
     * @param <P> the pre-processor type
     * @param <I> the iterator type
     */
    record Operations<P, I>(Predicate<I> resetSupported, Consumer<I> reset, Function<I, P> preProcessor,
                            BiConsumer<I, P> setPreProcessor, UnaryOperator<I> prefetched) {

        static final Operations<DataSetPreProcessor, DataSetIterator> DATA_SET = new Operations<>(
                DataSetIterator::resetSupported, DataSetIterator::reset, DataSetIterator::getPreProcessor,
                DataSetIterator::setPreProcessor, i -> i.asyncSupported() ? new AsyncDataSetIterator(i, 2, false) : i);

        static final Operations<MultiDataSetPreProcessor, MultiDataSetIterator> MULTI_DATA_SET = new Operations<>(
                MultiDataSetIterator::resetSupported, MultiDataSetIterator::reset, MultiDataSetIterator::getPreProcessor,
                MultiDataSetIterator::setPreProcessor,
                i -> i.asyncSupported() ? new AsyncMultiDataSetIterator(i, 2, false) : i);
    }

    /** The wrapped iterator, never null. */
    protected final I base;
    private final Operations<P, I> operations;
    private final UnaryOperator<T> eachBatch;

    ForwardingIterator(I base, Operations<P, I> operations, UnaryOperator<T> eachBatch) {
        if (base == null) {
            throw new IllegalArgumentException("the wrapped iterator must not be null");
        }
        this.base = base;
        this.operations = operations;
        this.eachBatch = eachBatch;
    }

    /**
     * {@code base}, prefetched on a background thread when it supports that: a wrapper that transforms each batch keeps
     * its own work on the thread that calls {@code fit}, but the data underneath need not wait for it. Null stays null
     * for the constructor to reject.
     */
    static <I> I prefetched(I base, Operations<?, I> operations) {
        return base == null ? null : operations.prefetched().apply(base);
    }

    public T next() {
        return eachBatch.apply(base.next());
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

    public boolean resetSupported() {
        return operations.resetSupported().test(base);
    }

    public void reset() {
        operations.reset().accept(base);
    }

    public void setPreProcessor(P preProcessor) {
        operations.setPreProcessor().accept(base, preProcessor);
    }

    public P getPreProcessor() {
        return operations.preProcessor().apply(base);
    }
}
