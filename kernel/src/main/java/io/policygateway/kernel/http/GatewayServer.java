package io.policygateway.kernel.http;

import static java.util.Objects.requireNonNull;

import io.policygateway.kernel.config.ServerConfig;
import io.policygateway.kernel.pipeline.RequestRouter;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The client-facing Jetty server: core handlers only, each request handled on a virtual thread
 * so the pipeline can block on upstream I/O without holding a platform thread.
 */
public final class GatewayServer {
    private final Server server;
    private final ServerConnector connector;

    public GatewayServer(ServerConfig config, RequestRouter router) {
        requireNonNull(config, "config is null");
        requireNonNull(router, "router is null");
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("gateway");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory()));
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(300_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    router.route(new JettyExchange(request, response));
                    callback.succeeded();
                } catch (Throwable failure) {
                    callback.failed(failure);
                }
                return true;
            }
        });
        server.setStopTimeout(5_000);
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }
}
