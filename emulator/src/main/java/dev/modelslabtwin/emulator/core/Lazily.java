package dev.modelslabtwin.emulator.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A value made by the first {@link #get}, once, however many threads ask at the same time; then kept. */
public final class Lazily<T> implements Supplier<T> {

    private final Supplier<? extends T> maker;
    private volatile T value;

    private Lazily(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    public static <T> Lazily<T> of(Supplier<? extends T> maker) {
        return new Lazily<>(maker);
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = maker.get();
                    value = made;
                }
            }
        }
        return made;
    }

    /** Runs {@code use} on the value if it has been made; makes nothing. */
    public void ifMade(Consumer<? super T> use) {
        T made = value;
        if (made != null) {
            use.accept(made);
        }
    }
}
