package dev.modelslabtwin.emulator.core;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work a start does beside the main thread, each piece on a thread of its own: the common fork-join
 * pool has one worker on a two-core machine, where the MCP tools then waited for the request
 * validator before the main thread could go on.
 */
public final class Background {

    private Background() {
    }

    /** {@code work}'s result, computed on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
