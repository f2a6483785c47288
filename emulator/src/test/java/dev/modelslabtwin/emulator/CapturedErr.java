package dev.modelslabtwin.emulator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Standard error, copied while a test runs (the request log writes to it); still shown as usual. */
public final class CapturedErr implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private CapturedErr() {
    }

    public static CapturedErr start() {
        CapturedErr captured = new CapturedErr();
        System.setErr(new PrintStream(new TeeStream(captured.original, captured.copy), true, StandardCharsets.UTF_8));
        return captured;
    }

    /** The lines of {@code logger}, once {@code expected} of them arrived (the log is written after the answer). */
    public List<String> linesOf(String logger, int expected) throws InterruptedException {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            lines = text().lines().filter(line -> line.contains(" " + logger + " ")).toList();
            if (lines.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        }
        return lines;
    }

    /** Everything written so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private static final class TeeStream extends OutputStream {

        private final PrintStream original;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }
    }
}
