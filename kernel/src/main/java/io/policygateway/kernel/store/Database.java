package io.policygateway.kernel.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The gateway's embedded or shared database: SQLite in {@code data/gateway.db} by default, or
 * PostgreSQL when {@code storage.postgres_url} is set. Each user (usage ledger, event store) opens
 * its own connection and uses it from one thread.
 *
 * @param url the JDBC URL
 * @param user the PostgreSQL user, if any
 * @param password the PostgreSQL password, if any (never logged)
 */
public record Database(String url, String user, String password) {
    public Database {
        requireNonNull(url, "url is null");
    }

    public static Database sqlite(Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Database("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = DriverManager.getConnection(url, properties);
        if (!postgres()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA busy_timeout=5000");
            }
        }
        return connection;
    }

    /** Where, for messages: the URL without credentials. */
    public String describe() {
        return url.replaceAll("password=[^&]*", "password=****");
    }
}
