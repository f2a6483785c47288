package dev.modelslabtwin.conformance.support;

/**
 * What calling an operation can do to the account it is called for, read from the contract: reads
 * are {@code GET}s; what a token's scope lets a call change says whether money can move
 * ({@code wallet:write}, {@code subscriptions:write}) or only settings and tokens. Against a live
 * target this decides what runs by default and what needs an explicit opt-in.
 */
public enum Impact {

    READ_ONLY("only reads"),
    ACCOUNT_CHANGE("changes the account's settings, cards or tokens, free of charge"),
    MOVES_MONEY("can charge a card or move wallet money");

    private final String meaning;

    Impact(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    static Impact of(ContractOperation operation) {
        if (operation.method().equals("GET")) {
            return READ_ONLY;
        }
        String scope = operation.requiredScope();
        if (scope != null && (scope.equals("wallet:write") || scope.equals("subscriptions:write"))) {
            return MOVES_MONEY;
        }
        return ACCOUNT_CHANGE;
    }
}
