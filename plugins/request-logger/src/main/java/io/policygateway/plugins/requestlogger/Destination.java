package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where records go: a JDBC URL (SQLite or PostgreSQL) and, for PostgreSQL, the credentials.
 * {@link #toString} never shows the password.
 *
 * @param url {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://…}
 * @param user the database user, if not in the URL
 * @param password the database password, if not in the URL
 */
record Destination(String url, Optional<String> user, Optional<String> password) {
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)password=[^&;]*");

    Destination {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    static Destination sqlite(Path file) {
        return new Destination("jdbc:sqlite:" + file.toAbsolutePath(), Optional.empty(), Optional.empty());
    }

    Dialect dialect() {
        return url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.SQLITE;
    }

    /**
     * Opens a connection (creating the SQLite file's folder first). Each writer thread or reader
     * uses its own. SQLite runs in WAL mode with {@code synchronous=NORMAL}: a committed batch
     * survives a crash of the gateway, and only the last batches may be lost if the machine loses
     * power; it syncs to disk far less often than the default FULL.
     */
    Connection open() throws SQLException {
        if (dialect() == Dialect.SQLITE) {
            createFolder();
        }
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        Connection connection = DriverManager.getConnection(url, properties);
        if (dialect() == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA busy_timeout=5000");
            }
        }
        return connection;
    }

    private void createFolder() throws SQLException {
        String file = url.substring("jdbc:sqlite:".length());
        int options = file.indexOf('?');
        Path parent = Path.of(options < 0 ? file : file.substring(0, options)).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The URL without credentials, for messages. */
    String describe() {
        return PASSWORD_IN_URL.matcher(url).replaceAll("password=****");
    }

    @Override
    public String toString() {
        return describe();
    }
}
