package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.model.Scope;
import dev.modelslabtwin.client.model.ScopeInfo;
import dev.modelslabtwin.openapi.Contract;

import java.util.ArrayList;
import java.util.List;

/** The requestable scopes and what each grants, as the contract's {@code Scope} schema describes them. */
final class ScopeCatalogue {

    private static final List<ScopeInfo> SCOPES = read();

    private ScopeCatalogue() {
    }

    static List<ScopeInfo> all() {
        return SCOPES;
    }

    @SuppressWarnings("unchecked")
    private static List<ScopeInfo> read() {
        var schema = Contract.openApi().getComponents().getSchemas().get("Scope");
        List<Object> values = schema.getEnum();
        List<String> descriptions = (List<String>) schema.getExtensions().get("x-enum-descriptions");
        if (descriptions == null || descriptions.size() != values.size()) {
            throw new IllegalStateException("the contract's Scope schema needs one x-enum-descriptions entry per scope");
        }
        List<ScopeInfo> scopes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            scopes.add(new ScopeInfo().scope(Scope.fromValue(values.get(i).toString())).description(descriptions.get(i)));
        }
        return List.copyOf(scopes);
    }
}
