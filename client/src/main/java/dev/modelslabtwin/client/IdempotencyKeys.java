package dev.modelslabtwin.client;

import java.util.UUID;

/**
 * Keys for mutations whose caller gave none. Each logical call gets one fresh key, reused on all of its
 * retries, so a retry after a lost answer replays the first result instead of charging twice.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** A new key such as {@code fundWallet-3f2b...}: the operation name helps when reading server logs. */
    static String generate(String operation) {
        return operation + "-" + UUID.randomUUID();
    }
}
