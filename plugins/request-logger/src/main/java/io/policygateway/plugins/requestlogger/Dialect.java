package io.policygateway.plugins.requestlogger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What differs between SQLite and PostgreSQL: the id and time column types and how times and
 * booleans are written. The columns and their order are the same.
 */
enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** Fixed width, so that text order is time order in SQLite. */
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The statements that create the table and its indexes when missing. */
    List<String> createTable(String table) {
        String id = switch (this) {
            case SQLITE -> "id INTEGER PRIMARY KEY AUTOINCREMENT";
            case POSTGRESQL -> "id BIGSERIAL PRIMARY KEY";
        };
        String time = switch (this) {
            case SQLITE -> "TEXT";
            case POSTGRESQL -> "TIMESTAMPTZ";
        };
        String flag = switch (this) {
            case SQLITE -> "INTEGER";
            case POSTGRESQL -> "BOOLEAN";
        };
        String count = switch (this) {
            case SQLITE -> "INTEGER";
            case POSTGRESQL -> "BIGINT";
        };
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                + id + ", "
                + "time " + time + " NOT NULL, "
                + "trace_id TEXT NOT NULL, "
                + "project TEXT, "
                + "end_user TEXT, "
                + "target TEXT, "
                + "key_name TEXT, "
                + "model TEXT, "
                + "provider TEXT, "
                + "status INTEGER NOT NULL, "
                + "outcome TEXT NOT NULL, "
                + "stream " + flag + " NOT NULL, "
                + "input_tokens " + count + ", "
                + "output_tokens " + count + ", "
                + "latency_ms " + count + ", "
                + "request_body TEXT, "
                + "response_body TEXT, "
                + "error TEXT)",
                "CREATE INDEX IF NOT EXISTS " + table + "_time ON " + table + " (time)",
                "CREATE INDEX IF NOT EXISTS " + table + "_trace_id ON " + table + " (trace_id)");
    }

    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        switch (this) {
            case SQLITE -> statement.setString(index, SQLITE_TIME.format(time));
            case POSTGRESQL -> statement.setTimestamp(index, Timestamp.from(time));
        }
    }

    Instant getTime(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case SQLITE -> Instant.parse(row.getString(column));
            case POSTGRESQL -> row.getTimestamp(column).toInstant();
        };
    }

    void setFlag(PreparedStatement statement, int index, boolean value) throws SQLException {
        switch (this) {
            case SQLITE -> statement.setInt(index, value ? 1 : 0);
            case POSTGRESQL -> statement.setBoolean(index, value);
        }
    }

    boolean getFlag(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case SQLITE -> row.getInt(column) != 0;
            case POSTGRESQL -> row.getBoolean(column);
        };
    }
}
