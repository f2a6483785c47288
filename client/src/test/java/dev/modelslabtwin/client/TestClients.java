package dev.modelslabtwin.client;

import java.time.Duration;

/** Clients wired to a {@link ScriptedServer} and {@link FakeTime}, with no environment leaking in. */
final class TestClients {

    static final String TOKEN = "1|test-token";
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    private TestClients() {
    }

    static ModelsLabClient against(ScriptedServer server, FakeTime time) {
        return against(server, time, FAST_RETRIES);
    }

    static ModelsLabClient against(ScriptedServer server, FakeTime time, RetryPolicy policy) {
        return ModelsLabClient.builder(name -> null)
                .baseUrl(server.hostRoot())
                .token(TOKEN)
                .retryPolicy(policy)
                .sleeper(time)
                .clock(time.clock())
                .build();
    }
}
