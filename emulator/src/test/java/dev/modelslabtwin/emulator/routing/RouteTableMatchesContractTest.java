package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.ExampleApis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTableMatchesContractTest {

    private final List<ApiRoute> routes = new ExampleApis().routes();

    @Test
    void everyOperationOfTheContractHasExactlyOneRouteAndNoRouteIsExtra() {
        Set<String> contract = ContractExamples.operations().stream()
                .map(op -> op.method() + " " + op.path()).collect(Collectors.toCollection(TreeSet::new));
        List<String> served = routes.stream().map(route -> route.method() + " " + route.path()).sorted().toList();

        assertEquals(contract.size(), served.size(), "route count");
        assertEquals(List.copyOf(contract), served);
    }

    @Test
    void everyRouteCarriesTheOperationIdTheContractGivesItsMethodAndPath() {
        Set<String> contract = ContractExamples.operations().stream()
                .map(op -> op.method() + " " + op.path() + " " + op.operationId()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> served = routes.stream()
                .map(route -> route.method() + " " + route.path() + " " + route.operationId()).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(contract, served);
    }
}
