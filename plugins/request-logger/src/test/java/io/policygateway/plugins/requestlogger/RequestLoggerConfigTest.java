package io.policygateway.plugins.requestlogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLoggerConfigTest {
    private static final Path DATA = Path.of("/srv/gateway/data");

    private static RequestLoggerSettings from(String json) {
        return RequestLoggerSettings.from(Chats.config(json), DATA);
    }

    @Test
    void defaultsToSqliteInTheDataFolderWithoutBodies() {
        RequestLoggerSettings settings = RequestLoggerSettings.from(PluginConfig.empty("plugins[0].config"), DATA);

        assertEquals("jdbc:sqlite:/srv/gateway/data/request-log.db", settings.destination().url());
        assertEquals(Dialect.SQLITE, settings.destination().dialect());
        assertEquals("request_log", settings.table());
        assertFalse(settings.logBodies());
        assertEquals(65_536, settings.maxBodyChars());
        assertEquals(10_000, settings.queueCapacity());
        assertEquals(100, settings.batchSize());
    }

    @Test
    void readsAPostgresqlDestinationAndEveryOtherKey() {
        RequestLoggerSettings settings = from("""
                {"jdbc_url": "jdbc:postgresql://db:5432/gateway", "user": "gw", "password": "s3cret-pw", "table": "llm_requests",
                 "log_bodies": true, "max_body_chars": 1000, "queue_capacity": 50, "batch_size": 10,
                 "categories": [], "action": "log-only"}""");

        assertEquals(Dialect.POSTGRESQL, settings.destination().dialect());
        assertEquals(Optional.of("gw"), settings.destination().user());
        assertEquals(Optional.of("s3cret-pw"), settings.destination().password());
        assertEquals("llm_requests", settings.table());
        assertTrue(settings.logBodies());
        assertEquals(1000, settings.maxBodyChars());
        assertEquals(50, settings.queueCapacity());
        assertEquals(10, settings.batchSize());
    }

    @Test
    void neverShowsThePasswordWhenTheDestinationIsPrinted() {
        RequestLoggerSettings settings = from("{\"jdbc_url\": \"jdbc:postgresql://db/gw?user=gw&password=hunter22\", \"password\": \"other-pw\"}");

        assertEquals("jdbc:postgresql://db/gw?user=gw&password=****", settings.destination().toString());
        assertFalse(settings.toString().contains("hunter22"), settings.toString());
        assertFalse(settings.toString().contains("other-pw"), settings.toString());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class, () -> from("{\"log_body\": true}"));
        assertEquals("gateway.yaml: plugins[0].config.log_body: unknown key (known keys: action, batch_size, categories, jdbc_url, "
                + "log_bodies, max_body_chars, password, queue_capacity, table, user)", error.getMessage());
    }

    @Test
    void refusesADatabaseItCannotWriteToWithoutEchoingThePassword() {
        ConfigException mysql = assertThrows(ConfigException.class, () -> from("{\"jdbc_url\": \"jdbc:mysql://db/gw?password=hunter22\"}"));
        assertEquals("plugins[0].config.jdbc_url", mysql.path());
        assertFalse(mysql.getMessage().contains("hunter22"), mysql.getMessage());
        assertEquals("plugins[0].config.jdbc_url", assertThrows(ConfigException.class,
                () -> from("{\"jdbc_url\": \"jdbc:sqlite::memory:\"}")).path());
        assertEquals("plugins[0].config.user", assertThrows(ConfigException.class, () -> from("{\"user\": \"gw\"}")).path());
    }

    @Test
    void refusesATableNameThatIsNotAPlainSqlName() {
        assertEquals("plugins[0].config.table", assertThrows(ConfigException.class,
                () -> from("{\"table\": \"log; DROP TABLE users\"}")).path());
    }

    @Test
    void refusesValuesOutOfRangeAndAnActionALoggerCannotTake() {
        assertEquals("plugins[0].config.batch_size", assertThrows(ConfigException.class, () -> from("{\"batch_size\": 0}")).path());
        assertEquals("plugins[0].config.queue_capacity", assertThrows(ConfigException.class,
                () -> from("{\"queue_capacity\": -5}")).path());
        assertEquals("plugins[0].config.max_body_chars", assertThrows(ConfigException.class,
                () -> from("{\"max_body_chars\": 10}")).path());
        assertEquals("plugins[0].config.log_bodies", assertThrows(ConfigException.class,
                () -> from("{\"log_bodies\": \"yes\"}")).path());
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class, () -> from("{\"action\": \"block\"}")).path());
    }
}
