package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The request log table in one database: created when missing, written in batches, read back newest first. */
final class RequestLogTable {
    /** Table names are written into SQL, so only plain identifiers are accepted. */
    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String COLUMNS = "time, trace_id, project, end_user, target, key_name, model, provider, status, outcome, stream, "
            + "input_tokens, output_tokens, latency_ms, request_body, response_body, error";

    private final String name;
    private final Dialect dialect;

    RequestLogTable(String name, Dialect dialect) {
        if (!NAME.matcher(requireNonNull(name, "name is null")).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
        this.name = name;
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.createTable(name)) {
                statement.execute(sql);
            }
        }
    }

    /** Inserts the records in one transaction. */
    void insert(Connection connection, List<RequestRecord> records) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RequestRecord record : records) {
                bind(insert, record);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The newest {@code limit} records, newest first. */
    List<RequestRecord> latest(Connection connection, int limit) throws SQLException {
        List<RequestRecord> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + name + " ORDER BY id DESC LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records.add(read(row));
                }
            }
        }
        return records;
    }

    private void bind(PreparedStatement insert, RequestRecord record) throws SQLException {
        dialect.setTime(insert, 1, record.time());
        insert.setString(2, record.traceId());
        setText(insert, 3, record.project());
        setText(insert, 4, record.user());
        setText(insert, 5, record.target());
        setText(insert, 6, record.keyName());
        setText(insert, 7, record.model());
        setText(insert, 8, record.provider());
        insert.setInt(9, record.status());
        insert.setString(10, record.outcome());
        dialect.setFlag(insert, 11, record.stream());
        setCount(insert, 12, record.inputTokens());
        setCount(insert, 13, record.outputTokens());
        setCount(insert, 14, record.latencyMillis());
        setText(insert, 15, record.requestBody());
        setText(insert, 16, record.responseBody());
        setText(insert, 17, record.error());
    }

    private RequestRecord read(ResultSet row) throws SQLException {
        return new RequestRecord(dialect.getTime(row, "time"), row.getString("trace_id"), text(row, "project"), text(row, "end_user"),
                text(row, "target"), text(row, "key_name"), text(row, "model"), text(row, "provider"), row.getInt("status"),
                row.getString("outcome"), dialect.getFlag(row, "stream"), count(row, "input_tokens"), count(row, "output_tokens"),
                count(row, "latency_ms"), text(row, "request_body"), text(row, "response_body"), text(row, "error"));
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static void setCount(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static Optional<String> text(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    private static OptionalLong count(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
