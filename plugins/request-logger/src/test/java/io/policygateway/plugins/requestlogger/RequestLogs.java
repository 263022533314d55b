package io.policygateway.plugins.requestlogger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads a request log back, as an operator would with SQL. */
final class RequestLogs {
    private RequestLogs() {
    }

    static List<RequestRecord> latest(Destination destination, String table, int limit) throws SQLException {
        try (Connection connection = destination.open()) {
            return new RequestLogTable(table, destination.dialect()).latest(connection, limit);
        }
    }

    /** Waits (at most 5 s) until the log holds {@code count} records; returns the newest {@code count}, newest first. */
    static List<RequestRecord> await(Destination destination, String table, int count) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<RequestRecord> records;
            try {
                records = latest(destination, table, count);
            } catch (SQLException missingTable) {
                records = List.of();
            }
            if (records.size() >= count || System.nanoTime() > deadline) {
                return records;
            }
            Thread.sleep(20);
        }
    }
}
