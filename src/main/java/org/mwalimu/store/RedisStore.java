package org.mwalimu.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one Redis client of a process: a shared pipelined connection for ordinary commands and
 * dedicated connections for blocking stream reads. Results come back on the caller's Vert.x context.
 */
public final class RedisStore {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final RedisClient client;
    private final RedisURI uri;
    private final StatefulRedisConnection<String, String> shared;

    private RedisStore(Vertx vertx, RedisClient client, RedisURI uri, StatefulRedisConnection<String, String> shared) {
        this.vertx = vertx;
        this.client = client;
        this.uri = uri;
        this.shared = shared;
    }

    /** Connects to {@code url} (redis://, rediss:// or redis-sentinel://); fails if Redis is not reachable. */
    public static Future<RedisStore> connect(Vertx vertx, String url) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalArgumentException("MW_REDIS_URL is not a valid Redis address"));
        }
        uri.setTimeout(COMMAND_TIMEOUT);
        // Reconnect quickly once Redis is back: Lettuce's default backoff grows to 30 s.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(100_000)
                .autoReconnect(true)
                .build());
        return Future.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri), vertx.getOrCreateContext())
                .map(connection -> new RedisStore(vertx, client, uri, connection))
                .recover(e -> {
                    client.shutdownAsync().thenRun(resources::shutdown);
                    return Future.failedFuture(new IllegalStateException(
                            "cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort() + ": " + e.getMessage(), e));
                });
    }

    /** Runs one command on the shared connection and completes on the caller's context. */
    <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        return on(shared, command);
    }

    /** A new connection for blocking reads, so they never stall the shared one. */
    Future<StatefulRedisConnection<String, String>> dedicatedConnection() {
        return Future.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri), vertx.getOrCreateContext())
                .recover(e -> Future.failedFuture(new StoreUnavailableException(e)));
    }

    /**
     * Runs one command on {@code connection}. A lost connection or a timeout fails with
     * {@link StoreUnavailableException}; an error reply from Redis fails as it is.
     */
    <T> Future<T> on(StatefulRedisConnection<String, String> connection,
                     Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        Future<T> result;
        try {
            result = Future.fromCompletionStage(command.apply(connection.async()), vertx.getOrCreateContext());
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.recover(e -> Future.failedFuture(unavailable(e) ? new StoreUnavailableException(e) : e));
    }

    private static boolean unavailable(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
                || (cause instanceof RedisException && !(cause instanceof RedisCommandExecutionException));
    }

    public Future<Void> ping() {
        return call(c -> c.ping()).mapEmpty();
    }

    /** Closes every connection; run from the shutdown path, never inside a Lettuce callback. */
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client.getResources().shutdown(0, 2, TimeUnit.SECONDS).get();
            return null;
        });
    }
}
