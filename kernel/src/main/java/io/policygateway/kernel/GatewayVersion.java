package io.policygateway.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, the one plugins' {@code Plugin-Requires} is checked against. */
public final class GatewayVersion {
    private static final String VERSION = load();

    private GatewayVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream("/policy-gateway-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "0.0.0");
            return version.startsWith("$") ? "0.0.0" : version;
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
