package io.policygateway.kernel.log;

import io.policygateway.kernel.config.LoggingConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.logging.LogRecord;

/** Configures process-wide logging: stdout, JSON or text, at the configured level. */
public final class Logging {
    /** java.util.logging holds loggers weakly: keep the ones whose level we set. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");
    private static final Logger PF4J = Logger.getLogger("org.pf4j");
    /** The schema validator warns about the seed schema's informative {@code example} keyword. */
    private static final Logger SCHEMA = Logger.getLogger("com.networknt.schema");

    private Logging() {
    }

    public static void configure(LoggingConfig config) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = switch (config.level()) {
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            default -> Level.INFO;
        };
        root.setLevel(level);
        Handler handler = new FlushingHandler(System.out, new LogFormatter(config.format().equals("json")));
        handler.setLevel(level);
        root.addHandler(handler);
        // Jetty and PF4J are chatty at info; their warnings still show.
        JETTY.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
        PF4J.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
        SCHEMA.setLevel(Level.SEVERE);
    }

    public static boolean json(LoggingConfig config) {
        return config.format().equals("json");
    }

    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(OutputStream out, java.util.logging.Formatter formatter) {
            super(out instanceof PrintStream ? out : new PrintStream(out), formatter);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
