package io.policygateway.kernel.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.event.EventSink;
import io.policygateway.api.event.PolicyEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy events in a table, queryable by project, user, target, decision and time. Written in
 * batches by the event writer thread; queried by the admin endpoint.
 */
public final class EventStore implements EventSink {
    private final Database database;
    private final ObjectMapper json;
    private final Connection writer;

    public EventStore(Database database, ObjectMapper json) throws SQLException {
        this.database = database;
        this.json = json;
        this.writer = database.open();
        String id = database.postgres() ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS policy_events (id " + id + ", time_ms BIGINT NOT NULL, type TEXT NOT NULL, "
                    + "policy_id TEXT NOT NULL, decision TEXT NOT NULL, reason_code TEXT NOT NULL, policy_user TEXT, policy_project_id TEXT, "
                    + "policy_target TEXT, trace_id TEXT NOT NULL, rules TEXT NOT NULL, attributes TEXT NOT NULL)");
            statement.execute("CREATE INDEX IF NOT EXISTS policy_events_project_time ON policy_events (policy_project_id, time_ms)");
        }
    }

    @Override
    public void write(List<PolicyEvent> events) throws Exception {
        synchronized (writer) {
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO policy_events (time_ms, type, policy_id, decision, reason_code, "
                    + "policy_user, policy_project_id, policy_target, trace_id, rules, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PolicyEvent event : events) {
                    insert.setLong(1, event.time().toEpochMilli());
                    insert.setString(2, event.type());
                    insert.setString(3, event.policyId());
                    insert.setString(4, event.decision());
                    insert.setString(5, event.reasonCode());
                    insert.setString(6, event.user().orElse(null));
                    insert.setString(7, event.project().orElse(null));
                    insert.setString(8, event.target().orElse(null));
                    insert.setString(9, event.traceId());
                    insert.setString(10, String.join(",", event.rules()));
                    insert.setString(11, json.writeValueAsString(event.attributes()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Filters for {@link #query}; empty means any. */
    public record Query(Optional<String> project, Optional<String> user, Optional<String> target, Optional<String> decision,
            Optional<String> type, Optional<Instant> since, Optional<Instant> until, int limit) {
    }

    /** Newest first. */
    public ArrayNode query(Query query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT time_ms, type, policy_id, decision, reason_code, policy_user, policy_project_id, "
                + "policy_target, trace_id, rules, attributes FROM policy_events WHERE 1=1");
        List<Object> values = new ArrayList<>();
        query.project().ifPresent(value -> filter(sql, values, "policy_project_id = ?", value));
        query.user().ifPresent(value -> filter(sql, values, "policy_user = ?", value));
        query.target().ifPresent(value -> filter(sql, values, "policy_target = ?", value));
        query.decision().ifPresent(value -> filter(sql, values, "decision = ?", value));
        query.type().ifPresent(value -> filter(sql, values, "type = ?", value));
        query.since().ifPresent(value -> filter(sql, values, "time_ms >= ?", value.toEpochMilli()));
        query.until().ifPresent(value -> filter(sql, values, "time_ms < ?", value.toEpochMilli()));
        sql.append(" ORDER BY time_ms DESC, id DESC LIMIT ").append(Math.max(1, Math.min(query.limit(), 1000)));
        ArrayNode rows = json.createArrayNode();
        try (Connection reader = database.open(); PreparedStatement select = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ObjectNode row = rows.addObject();
                    row.put("time", Instant.ofEpochMilli(result.getLong(1)).toString());
                    row.put("type", result.getString(2));
                    row.put("policy_id", result.getString(3));
                    row.put("decision", result.getString(4));
                    row.put("reason_code", result.getString(5));
                    row.put("policy_user", result.getString(6));
                    row.put("policy_project_id", result.getString(7));
                    row.put("policy_target", result.getString(8));
                    row.put("trace_id", result.getString(9));
                    ArrayNode rules = row.putArray("rules");
                    for (String rule : result.getString(10).split(",")) {
                        if (!rule.isEmpty()) {
                            rules.add(rule);
                        }
                    }
                    try {
                        row.set("attributes", json.readTree(result.getString(11)));
                    } catch (java.io.IOException e) {
                        row.put("attributes", result.getString(11));
                    }
                }
            }
        }
        return rows;
    }

    private static void filter(StringBuilder sql, List<Object> values, String clause, Object value) {
        sql.append(" AND ").append(clause);
        values.add(value);
    }

    @Override
    public void close() throws SQLException {
        synchronized (writer) {
            writer.close();
        }
    }
}
