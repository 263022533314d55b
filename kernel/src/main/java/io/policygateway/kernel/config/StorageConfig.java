package io.policygateway.kernel.config;

/**
 * {@code storage:} — where usage counters and policy events are kept.
 *
 * @param sqlitePath the embedded SQLite file, relative to the gateway home, default {@code data/gateway.db}
 * @param postgresUrl a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/db}); when set it is
 *     used instead of SQLite, so several gateway instances share quotas and events
 * @param postgresUser the PostgreSQL user
 * @param postgresPassword the PostgreSQL password (use {@code ${ENV}}; it is never logged)
 */
public record StorageConfig(String sqlitePath, String postgresUrl, String postgresUser, String postgresPassword) {
    public StorageConfig {
        sqlitePath = sqlitePath == null ? "data/gateway.db" : sqlitePath;
        if (postgresUrl != null && !postgresUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("postgres_url must be a JDBC URL starting with jdbc:postgresql:");
        }
    }

    public static StorageConfig defaults() {
        return new StorageConfig(null, null, null, null);
    }
}
