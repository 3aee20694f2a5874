package org.mwalimu.app;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.mwalimu.channel.SimulatorChannel;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.conversation.ConversationEngine;
import org.mwalimu.conversation.NoAnswers;
import org.mwalimu.delivery.CitizenHasher;
import org.mwalimu.delivery.ConversationTurns;
import org.mwalimu.delivery.OutboundDispatcher;
import org.mwalimu.delivery.StatsEvents;
import org.mwalimu.delivery.StreamWorker;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.Inbox;
import org.mwalimu.store.RedisStore;
import org.mwalimu.store.Secrets;
import org.mwalimu.store.SimulatorOutbox;
import org.mwalimu.store.WorkStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server: content, Redis, workers and HTTP, started and stopped as a whole. */
public final class Mwalimu {

    private static final Logger LOG = LoggerFactory.getLogger(Mwalimu.class);

    private final Vertx vertx;
    private final Optional<EmbeddedRedis> embedded;
    private final RedisStore store;
    private final List<String> deployments;
    private final int httpPort;

    private Mwalimu(Vertx vertx, Optional<EmbeddedRedis> embedded, RedisStore store, List<String> deployments, int httpPort) {
        this.vertx = vertx;
        this.embedded = embedded;
        this.store = store;
        this.deployments = deployments;
        this.httpPort = httpPort;
    }

    /** Starts everything; a failure at any step stops what was started and fails with a clear reason. */
    public static Future<Mwalimu> start(Config config) {
        Vertx vertx = Vertx.vertx();
        Starting s = new Starting(vertx, config);
        return s.run().recover(e -> s.abort().transform(x -> Future.failedFuture(e)));
    }

    public int httpPort() {
        return httpPort;
    }

    /** Stops workers and HTTP, then Redis (if embedded) and Vert.x; also undoes a half-done start. */
    public Future<Void> stop() {
        List<Future<Void>> undeployed = deployments.stream().map(vertx::undeploy).toList();
        return Future.join(undeployed)
                .eventually(() -> store == null ? Future.succeededFuture() : store.close())
                .eventually(() -> vertx.executeBlocking(() -> {
                    embedded.ifPresent(EmbeddedRedis::stop);
                    return null;
                }))
                .eventually(vertx::close)
                .mapEmpty();
    }

    /** The start-up sequence and what it has built so far, so a failed start can be undone. */
    private static final class Starting {
        private final Vertx vertx;
        private final Config config;
        private final String instance = UUID.randomUUID().toString().substring(0, 8);
        private final List<String> deployments = new ArrayList<>();
        private final List<StreamWorker> workers = new ArrayList<>();
        private Optional<EmbeddedRedis> embedded = Optional.empty();
        private RedisStore store;
        private Catalog catalog;

        Starting(Vertx vertx, Config config) {
            this.vertx = vertx;
            this.config = config;
        }

        Future<Mwalimu> run() {
            LOG.info("starting Mwalimu with {}", config);
            return vertx.executeBlocking(() -> new ContentLoader(config.languages()).load(config.contentDir()))
                    .compose(loaded -> {
                        catalog = loaded;
                        LOG.info("content loaded: {} courses in {}", loaded.courses().size(), config.languages());
                        return redisUrl();
                    })
                    .compose(url -> RedisStore.connect(vertx, url))
                    .compose(connected -> {
                        store = connected;
                        Secrets secrets = new Secrets(store);
                        Future<String> token = config.adminToken().map(Future::succeededFuture)
                                .orElseGet(() -> secrets.getOrCreate("admin-token").map(Starting::announce));
                        Future<String> salt = config.hashSalt().map(Future::succeededFuture)
                                .orElseGet(() -> secrets.getOrCreate("hash-salt").map(Secrets.Secret::value));
                        return Future.all(token, salt).compose(both -> deploy(token.result(), salt.result()));
                    });
        }

        private Future<String> redisUrl() {
            if (config.redisUrl().isPresent()) {
                return Future.succeededFuture(config.redisUrl().get());
            }
            return vertx.executeBlocking(() -> EmbeddedRedis.start(config.dataDir(), config.embeddedRedisPort()))
                    .map(redis -> {
                        embedded = Optional.of(redis);
                        LOG.info("embedded Redis started with its data in {}", config.dataDir().toAbsolutePath());
                        return redis.url();
                    });
        }

        private static String announce(Secrets.Secret token) {
            if (token.created()) {
                // Printed once, on the console only, so the operator can call the API; never logged again.
                System.out.println("Admin token (shown once, kept in Redis): " + token.value());
            } else {
                LOG.info("admin token: the one generated at first start (set MW_ADMIN_TOKEN to choose your own)");
            }
            return token.value();
        }

        private Future<Mwalimu> deploy(String adminToken, String salt) {
            WorkStream inbound = new WorkStream(store, "in", "conversation", config.partitions());
            WorkStream outbound = new WorkStream(store, "out", "senders", config.partitions());
            StatsEvents stats = new StatsEvents(new CitizenHasher(salt));
            SimulatorChannel simulator = new SimulatorChannel(new Inbox(inbound), new SimulatorOutbox(store, outbound), stats);
            ConversationTurns turns = new ConversationTurns(new Citizens(store, inbound, outbound), inbound,
                    new ConversationEngine(catalog, new NoAnswers()), stats);
            OutboundDispatcher dispatcher = new OutboundDispatcher(outbound, Map.of(SimulatorChannel.NAME, simulator));
            HealthCheck health = new HealthCheck(store, workers);
            List<HttpVerticle> http = new ArrayList<>();
            return Future.all(inbound.ensureGroups(), outbound.ensureGroups())
                    .compose(v -> deployEach(config.workers(), i -> worker(inbound, "conversation-" + i, turns)))
                    .compose(v -> deployEach(config.senders(), i -> worker(outbound, "sender-" + i, dispatcher)))
                    .compose(v -> deployEach(Math.max(1, Runtime.getRuntime().availableProcessors()), i -> {
                        HttpVerticle verticle = new HttpVerticle(config.httpPort(), adminToken, health, simulator);
                        http.add(verticle);
                        return verticle;
                    }))
                    .map(v -> {
                        int port = http.get(0).actualPort();
                        LOG.info("Mwalimu is listening on port {}", port);
                        return new Mwalimu(vertx, embedded, store, deployments, port);
                    });
        }

        private StreamWorker worker(WorkStream stream, String role, StreamWorker.EntryHandler handler) {
            StreamWorker worker = new StreamWorker(stream, instance + "-" + role, handler);
            workers.add(worker);
            return worker;
        }

        private Future<Void> deployEach(int count, IntFunction<Deployable> factory) {
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < count; i++) {
                int index = i;
                chain = chain.compose(v -> vertx.deployVerticle(factory.apply(index), new DeploymentOptions())
                        .onSuccess(deployments::add).mapEmpty());
            }
            return chain;
        }

        Future<Void> abort() {
            return new Mwalimu(vertx, embedded, store, deployments, 0).stop();
        }
    }
}
