package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.openapi.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The contract packaged with the emulator, parsed once into a JSON tree (with the emulator's mapper, so
 * numbers stay exact) for everything that reads it at start: the operations' facts, the pattern
 * messages, the MCP tools. It is shared: read it, never change it.
 */
public final class BundledContract {

    private BundledContract() {
    }

    public static JsonNode tree() {
        return Holder.TREE;
    }

    private static final class Holder {
        static final JsonNode TREE = parse();

        private static JsonNode parse() {
            try {
                return Json.MAPPER.readTree(Contract.json());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
