package dev.modelslabtwin.emulator.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every statement a database ran while a census was taken, with its parameters: how the tests show
 * that an operation's cost does not grow with an account's history (they replay each statement with
 * {@code EXPLAIN ANALYZE} and count the rows it read), which timings on a shared machine cannot show.
 * Off unless a test starts one; then each transaction's connection is wrapped to note what it runs.
 */
public final class StatementCensus {

    /** One statement as it ran: its SQL and its parameters by position (from 1). */
    public record Executed(String sql, List<Object> parameters) {
    }

    private final List<Executed> executed = new ArrayList<>();

    StatementCensus() {
    }

    /** What ran since the census began, in order. */
    public synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    private synchronized void note(String sql, Map<Integer, Object> parameters) {
        executed.add(new Executed(sql, new ArrayList<>(parameters.values())));
    }

    /** {@code connection}, noting every statement run through it. */
    Connection watching(Connection connection) {
        return proxy(Connection.class, (self, method, arguments) -> {
            Object result = invoke(connection, method, arguments);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement prepared) {
                return watching(prepared, (String) arguments[0]);
            }
            if (method.getName().equals("createStatement") && result instanceof Statement plain) {
                return watching(plain);
            }
            return result;
        });
    }

    private PreparedStatement watching(PreparedStatement statement, String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return proxy(PreparedStatement.class, (self, method, arguments) -> {
            String name = method.getName();
            if (name.startsWith("set") && arguments != null && arguments.length >= 2 && arguments[0] instanceof Integer position) {
                parameters.put(position, name.equals("setNull") ? null : arguments[1]);
            } else if (name.startsWith("execute") && (arguments == null || arguments.length == 0)) {
                note(sql, parameters);
            }
            return invoke(statement, method, arguments);
        });
    }

    private Statement watching(Statement statement) {
        return proxy(Statement.class, (self, method, arguments) -> {
            if (method.getName().startsWith("execute") && arguments != null && arguments[0] instanceof String sql) {
                note(sql, Map.of());
            }
            return invoke(statement, method, arguments);
        });
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(StatementCensus.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
