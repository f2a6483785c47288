package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's packages depend on each other one way only, read from the sources (hand-written and
 * generated): no import cycle, the shared services and the database at the bottom, the control API
 * above everything it controls, and database failures unchecked outside the database package.
 */
class PackagesPointOneWayTest {

    private static final String ROOT = "dev.modelslabtwin.emulator";
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.modelslabtwin\\.emulator((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
    private static final Map<String, Set<String>> DEPENDENCIES = dependencies(
            Path.of("src", "main", "java"), Path.of("target", "generated-sources", "openapi", "src", "main", "java"));

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        assertEquals(List.of(), cycles(), "packages that depend on each other, in a circle");
    }

    @Test
    void theDatabaseAndTheSharedServicesImportNothingAboveThem() {
        assertEquals(Set.of(), DEPENDENCIES.getOrDefault("db", Set.of()));
        assertEquals(Set.of("db"), DEPENDENCIES.getOrDefault("core", Set.of()));
    }

    @Test
    void theControlApiActsThroughEmulatorControlNotTheEmulator() {
        assertTrue(!DEPENDENCIES.getOrDefault("admin", Set.of()).contains(""), () -> "admin imports the root package: "
                + DEPENDENCIES.get("admin"));
        assertTrue(DEPENDENCIES.getOrDefault("admin", Set.of()).contains("control"), DEPENDENCIES::toString);
    }

    @Test
    void sqlExceptionIsCheckedOnlyInsideTheDatabasePackage() throws IOException {
        List<String> throwing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.getParent().endsWith(Path.of("emulator", "db")) && Files.readString(file).contains("throws SQLException")) {
                    throwing.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), throwing);
    }

    /** Each package (relative to the emulator's, "" for the root) and the packages it references. */
    private static Map<String, Set<String>> dependencies(Path... sourceRoots) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (Path root : sourceRoots) {
            Path base = root.resolve(ROOT.replace('.', '/'));
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String pkg = base.relativize(file.getParent()).toString().replace('/', '.');
                    Set<String> used = dependencies.computeIfAbsent(pkg, p -> new TreeSet<>());
                    Matcher reference = REFERENCE.matcher(Files.readString(file));
                    while (reference.find()) {
                        String target = reference.group(1).isEmpty() ? "" : reference.group(1).substring(1);
                        if (!target.equals(pkg)) {
                            used.add(target);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dependencies;
    }

    /** Every circle of packages, each as the path that closes it. */
    private static List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : DEPENDENCIES.keySet()) {
            walk(start, new ArrayList<>(), done, cycles);
        }
        return cycles;
    }

    private static void walk(String pkg, List<String> path, Set<String> done, List<String> cycles) {
        int seen = path.indexOf(pkg);
        if (seen >= 0) {
            List<String> circle = new ArrayList<>(path.subList(seen, path.size()));
            circle.add(pkg);
            cycles.add(String.join(" -> ", circle.stream().map(p -> p.isEmpty() ? "(root)" : p).toList()));
            return;
        }
        if (done.contains(pkg)) {
            return;
        }
        path.add(pkg);
        for (String next : DEPENDENCIES.getOrDefault(pkg, Set.of())) {
            walk(next, path, done, cycles);
        }
        path.remove(path.size() - 1);
        done.add(pkg);
    }
}
