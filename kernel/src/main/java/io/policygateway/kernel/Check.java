package io.policygateway.kernel;

import io.policygateway.api.ConfigException;
import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * {@code policy-gateway --check}: loads config and plugins exactly as a start would, on a free
 * port, then stops. Exit code 0 when everything is valid.
 */
final class Check {
    private Check() {
    }

    static int run(GatewayOptions options, PrintStream out, PrintStream err) {
        GatewayOptions probe = new GatewayOptions(options.home(), options.configFile(), options.configText(), OptionalInt.of(0),
                options.environment(), new PrintStream(java.io.OutputStream.nullOutputStream()), true);
        try (Gateway gateway = Gateway.start(probe)) {
            out.println("policy-gateway: configuration " + gateway.config().source() + " is valid; "
                    + gateway.providers().providers().size() + " provider(s) enabled, "
                    + gateway.plugins().reports().stream().filter(report -> report.loaded()).count() + " plugin(s) loaded");
            return 0;
        } catch (ConfigException e) {
            err.println("policy-gateway: invalid configuration: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("policy-gateway: check failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
