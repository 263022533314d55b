package io.policygateway.plugins.piiredact.benchmark;

/**
 * A realistic prompt of about 1,000 o200k_base tokens: a support engineer pasting prose, a stack
 * trace, config and code into a chat, without personal data or credentials (the common case the
 * chain must pass quickly), and a variant with a few emails, a phone number and a card number.
 */
final class BenchmarkPrompt {
    private BenchmarkPrompt() {
    }

    static final String SYSTEM = "You are a senior support engineer for an online retailer. Answer precisely, cite the "
            + "relevant configuration keys, and keep the answer under 300 words.";

    static final String CLEAN = """
            Hi team, we are seeing intermittent failures in the checkout service since the deployment on Tuesday. \
            About 3% of requests to the payment endpoint time out after 30 seconds, mostly during the evening peak. \
            The dashboards show the database connection pool saturating at 50 connections, and the p99 latency of \
            the inventory lookup jumped from 120 ms to 2.4 s. We rolled back the feature flag for the new pricing \
            engine but the problem persists, so we do not think it is related. Below is what we collected so far.

            Stack trace from one of the failed requests:

            java.util.concurrent.TimeoutException: request timed out after 30000 ms
                at com.example.checkout.PaymentClient.authorize(PaymentClient.java:214)
                at com.example.checkout.CheckoutService.placeOrder(CheckoutService.java:88)
                at com.example.checkout.api.OrderController.create(OrderController.java:47)
                at java.base/java.lang.VirtualThread.run(VirtualThread.java:309)
            Caused by: java.net.SocketTimeoutException: Read timed out
                at java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)
                at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)

            The relevant part of our configuration (application.yaml):

            spring:
              datasource:
                hikari:
                  maximum-pool-size: 50
                  connection-timeout: 30000
                  idle-timeout: 600000
                  max-lifetime: 1800000
            checkout:
              payment:
                retries: 3
                backoff: 250ms
                circuit-breaker:
                  failure-rate-threshold: 50
                  wait-duration-in-open-state: 10s
              inventory:
                cache-ttl: 5m
                batch-size: 200

            Log excerpt from the checkout pods during the last incident window:

            2026-01-13T19:02:11Z WARN  checkout-7f9c  HikariPool-1 - Connection is not available, request timed out after 30001ms
            2026-01-13T19:02:11Z WARN  checkout-7f9c  payment authorize attempt=2 latency=29874ms outcome=timeout
            2026-01-13T19:02:12Z ERROR checkout-2b41  order placement failed: TimeoutException (cart size 7, region eu-west)
            2026-01-13T19:02:14Z INFO  checkout-2b41  circuit breaker payment-provider state=OPEN failures=27/50
            2026-01-13T19:02:24Z INFO  checkout-2b41  circuit breaker payment-provider state=HALF_OPEN
            2026-01-13T19:02:25Z WARN  inventory-5d0a cache miss storm: 1840 misses in 10s, backend p99=2390ms

            Our load test from last week reproduces the issue at around 350 requests per second, but only when             the payment sandbox adds artificial latency of two seconds or more. Without that latency the service             stays healthy even at 600 requests per second, which suggests that slow responses from the provider             are the trigger and the connection pool is where the damage spreads. We have not yet tried running             the authorization asynchronously, and we are unsure whether the provider's idempotency keys would let             us retry safely after a timeout without charging the customer twice.

            And this is the method we suspect, because it opens a transaction around a remote call:

            @Transactional
            public Order placeOrder(Cart cart, PaymentDetails payment) {
                Order order = orders.create(cart);
                inventory.reserve(cart.items());
                Authorization authorization = paymentClient.authorize(order.total(), payment);
                order.confirm(authorization.reference());
                return orders.save(order);
            }

            Questions: Should the payment authorization happen outside the transaction? Is a pool of 50 too small \
            for 400 requests per second with an average transaction time of 80 ms? Would virtual threads make the \
            pool exhaustion worse, since every blocked thread now holds a connection while it waits on the payment \
            provider? We also noticed that the retry policy retries on read timeouts, which might triple the load \
            on the provider during an incident. What metrics should we add to confirm the theory before changing \
            the code, and how would you stage the rollout so that we can compare both versions under real traffic? \
            Please also suggest sensible values for the circuit breaker, and explain whether the inventory cache \
            TTL of five minutes could cause overselling during flash sales when stock changes quickly. Finally, \
            summarize the risks of moving the authorization out of the transaction, for example orders that are \
            paid but not saved if the service crashes between the two steps, and how an outbox or a saga pattern \
            would handle that in practice. Thanks a lot for the help, we have a postmortem on Friday and would \
            like to present a plan with clear next steps and owners for each item.
            """;

    static final String WITH_PII = CLEAN.replace("Thanks a lot for the help",
            "Reach me at dana.lee@example.com or +44 20 7946 0958, cc ops@example.org. The failing test order was paid "
                    + "with the card 4111 1111 1111 1111. Thanks a lot for the help");
}
