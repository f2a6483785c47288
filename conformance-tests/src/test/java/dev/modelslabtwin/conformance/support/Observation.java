package dev.modelslabtwin.conformance.support;

/**
 * What a check of the run found about one thing the contract marks with its provenance: a behaviour
 * (by id), an error code, or a request field rule ({@code operationId where keyword}, e.g.
 * {@code fundWallet body.amount maximum}). {@code detail} says what the target answered when it
 * contradicted the twin, or why the check did not run.
 */
public record Observation(Subject subject, String name, String check, Outcome outcome, String detail) {

    /** The kinds of things the provenance report follows. */
    public enum Subject {
        BEHAVIOUR("behaviour"), ERROR_CODE("error code"), FIELD_RULE("request field rule");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the target behaved against what the twin does. */
    public enum Outcome {
        /** The target behaved as the twin does. */
        CONFIRMED,
        /** It did not: {@code detail} says what it answered. */
        CONTRADICTED,
        /** The check did not get that far: {@code detail} says why. */
        NOT_EXERCISED
    }

    /** The outcome of a check that threw {@code failure} (null: it passed). */
    static Outcome of(Throwable failure) {
        if (failure == null) {
            return Outcome.CONFIRMED;
        }
        return failure instanceof org.opentest4j.TestAbortedException ? Outcome.NOT_EXERCISED : Outcome.CONTRADICTED;
    }

    /** The first lines of a failure's message: what the target answered, as the assertion put it. */
    static String detailOf(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String oneLine = message.strip().replaceAll("\\s*\\n\\s*", " ⏎ ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "…";
    }
}
