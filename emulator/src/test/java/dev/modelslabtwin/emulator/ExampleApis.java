package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.api.BillingApi;
import dev.modelslabtwin.emulator.api.PaymentsApi;
import dev.modelslabtwin.emulator.api.SubscriptionsApi;
import dev.modelslabtwin.emulator.api.WalletApi;
import dev.modelslabtwin.emulator.routing.ApiRoute;
import dev.modelslabtwin.emulator.routing.Authenticator;
import dev.modelslabtwin.emulator.routing.Caller;
import dev.modelslabtwin.emulator.routing.Json;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test double of every generated interface that answers each operation with the contract's own
 * success example and records the typed arguments it was called with. It proves the binding and
 * validation layers without any business logic behind them.
 */
public final class ExampleApis {

    /** Lets any bearer token through with every scope: these tests are about the contract's shapes, not auth. */
    public static final Authenticator ANY_BEARER_TOKEN = token -> Optional.of(new Caller(1, 1, Set.of("*")));

    /** One call an implementation received: the operation and its typed arguments (context first). */
    public record Call(String operationId, List<Object> arguments) {
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public List<ApiRoute> routes() {
        List<ApiRoute> routes = new ArrayList<>();
        routes.addAll(AuthApi.routes(proxy(AuthApi.class)));
        routes.addAll(BillingApi.routes(proxy(BillingApi.class)));
        routes.addAll(WalletApi.routes(proxy(WalletApi.class)));
        routes.addAll(PaymentsApi.routes(proxy(PaymentsApi.class)));
        routes.addAll(SubscriptionsApi.routes(proxy(SubscriptionsApi.class)));
        return routes;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private <T> T proxy(Class<T> api) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(this, args);
            }
            calls.add(new Call(method.getName(), Arrays.asList(args == null ? new Object[0] : args)));
            return Json.MAPPER.convertValue(ContractExamples.operation(method.getName()).successExample(), method.getReturnType());
        }));
    }
}
