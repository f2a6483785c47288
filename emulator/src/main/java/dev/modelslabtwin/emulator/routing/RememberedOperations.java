package dev.modelslabtwin.emulator.routing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import io.swagger.v3.oas.models.OpenAPI;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request validator's lookup of a request's operation, remembered per method and path. The
 * validator finds the operation anew for every request by matching the path against every path of
 * the document, compiling a regular expression for each templated segment as it goes, a large share of
 * a cheap request's CPU. A match depends on nothing but the method and the path, so a
 * remembered one is the same answer.
 */
final class RememberedOperations extends ApiOperationResolver {

    /** Paths with ids are many: the memory is emptied when it holds this many, and long paths are not kept. */
    static final int MAX_REMEMBERED = 4096;
    static final int MAX_PATH_LENGTH = 256;

    private final ApiOperationResolver lookup;
    private final Map<String, ApiOperationMatch> remembered = new ConcurrentHashMap<>();

    private RememberedOperations(ApiOperationResolver lookup) {
        super(new OpenAPI(), null, false);
        this.lookup = lookup;
    }

    /**
     * Puts a remembering lookup in the validator's place. The validator offers no way to do so, hence
     * reflection; should its insides change, it is left as it is (slower, with the same answers).
     */
    static boolean install(OpenApiInteractionValidator validator) {
        try {
            Field field = OpenApiInteractionValidator.class.getDeclaredField("apiOperationResolver");
            field.setAccessible(true);
            field.set(validator, new RememberedOperations((ApiOperationResolver) field.get(validator)));
            return true;
        } catch (ReflectiveOperationException | RuntimeException unexpectedInsides) {
            return false;
        }
    }

    @Override
    public ApiOperationMatch findApiOperation(String path, Request.Method method) {
        if (path.length() > MAX_PATH_LENGTH) {
            return lookup.findApiOperation(path, method);
        }
        String key = method.name() + ' ' + path;
        ApiOperationMatch match = remembered.get(key);
        if (match == null) {
            match = lookup.findApiOperation(path, method);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, match);
        }
        return match;
    }
}
