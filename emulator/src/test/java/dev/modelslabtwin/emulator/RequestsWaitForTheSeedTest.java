package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.RateLimiter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The server listens while the database is still being seeded: what comes meanwhile is answered after it. */
class RequestsWaitForTheSeedTest {

    @Test
    void aRequestThatComesBeforeTheStateIsReadyIsAnsweredOnceItIs() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try (EmulatorServer server = EmulatorServer.start("127.0.0.1", 0, new ExampleApis().routes(),
                ExampleApis.ANY_BEARER_TOKEN, null, new Faults(ContractValidator.BASE_PATH), RateLimiter.ofContract(false),
                true, ready, config -> { })) {
            TestHttp http = new TestHttp(server.baseUrl(), "test-token");

            CompletableFuture<TestHttp.Answer> answer = CompletableFuture.supplyAsync(() -> http.get("/wallet/balance"));
            Thread.sleep(300);
            assertFalse(answer.isDone(), "answered before the state was ready");
            ready.complete(null);

            assertEquals(200, answer.get(10, TimeUnit.SECONDS).status());
        }
    }
}
