package org.mwalimu.app;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.mwalimu.admin.DeadLetterApi;
import org.mwalimu.admin.QuestionsApi;
import org.mwalimu.channel.AfricasTalkingAdapter;
import org.mwalimu.channel.SimulatorChannel;
import org.mwalimu.channel.TelegramAdapter;
import org.mwalimu.channel.TwilioAdapter;
import org.mwalimu.channel.UssdChannel;
import org.mwalimu.channel.Webhooks;
import org.mwalimu.channel.WhatsAppCloudAdapter;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.SmsEncoding;
import org.mwalimu.conversation.ConversationEngine;
import org.mwalimu.conversation.IntentAnswerer;
import org.mwalimu.nlu.IntentRecognizer;
import org.mwalimu.nlu.NluFiles;
import org.mwalimu.nlu.NluLoader;
import org.mwalimu.delivery.CitizenHasher;
import org.mwalimu.delivery.ConversationTurns;
import org.mwalimu.delivery.DailyPlanner;
import org.mwalimu.delivery.DailySchedule;
import org.mwalimu.delivery.DeliveryTimers;
import org.mwalimu.delivery.DirectTurns;
import org.mwalimu.delivery.OutboundDispatcher;
import org.mwalimu.delivery.OutboundDispatcher.ChannelSender;
import org.mwalimu.delivery.ProviderApi;
import org.mwalimu.delivery.ProviderSender;
import org.mwalimu.delivery.RetryPolicy;
import org.mwalimu.delivery.StatsEvents;
import org.mwalimu.delivery.StreamWorker;
import org.mwalimu.delivery.Streams;
import org.mwalimu.delivery.TimeZones;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.DailySchedules;
import org.mwalimu.store.DeadLetters;
import org.mwalimu.store.Inbox;
import org.mwalimu.store.Outbox;
import org.mwalimu.store.RateBuckets;
import org.mwalimu.store.RedisStore;
import org.mwalimu.store.Secrets;
import org.mwalimu.store.SimulatorOutbox;
import org.mwalimu.store.UnansweredQuestions;
import org.mwalimu.store.UssdSessions;
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
    private final Optional<Inbox> inbox;

    private Mwalimu(Vertx vertx, Optional<EmbeddedRedis> embedded, RedisStore store, List<String> deployments,
                    int httpPort, Optional<Inbox> inbox) {
        this.vertx = vertx;
        this.embedded = embedded;
        this.store = store;
        this.deployments = deployments;
        this.httpPort = httpPort;
        this.inbox = inbox;
    }

    /** How many inbound messages Redis holds, for the benchmarks' exactly-once check. */
    Future<Long> queuedMessages() {
        return inbox.map(Inbox::length).orElse(Future.succeededFuture(0L));
    }

    /** Starts everything; a failure at any step stops what was started and fails with a clear reason. */
    public static Future<Mwalimu> start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(Config)}, with the clock that decides when daily lessons are due. */
    public static Future<Mwalimu> start(Config config, Clock clock) {
        Vertx vertx = Vertx.vertx();
        Starting s = new Starting(vertx, config, clock);
        Promise<Mwalimu> started = Promise.promise();
        s.run().onSuccess(started::complete).onFailure(e -> {
            // Undo what was started, report, and only then close Vert.x (its threads end with it).
            Mwalimu partial = s.partial();
            partial.release().onComplete(r -> {
                started.fail(e);
                vertx.close();
            });
        });
        return started.future();
    }

    public int httpPort() {
        return httpPort;
    }

    /** Stops workers and HTTP, then Redis (if embedded) and Vert.x. */
    public Future<Void> stop() {
        return release().eventually(vertx::close).mapEmpty();
    }

    /** Everything but Vert.x itself; also undoes a half-done start. */
    private Future<Void> release() {
        List<Future<Void>> undeployed = deployments.stream().map(vertx::undeploy).toList();
        return Future.join(undeployed)
                .eventually(() -> store == null ? Future.succeededFuture() : store.close())
                .eventually(() -> vertx.executeBlocking(() -> {
                    embedded.ifPresent(EmbeddedRedis::stop);
                    return null;
                }))
                .mapEmpty();
    }

    /** The start-up sequence and what it has built so far, so a failed start can be undone. */
    private static final class Starting {
        private final Vertx vertx;
        private final Config config;
        private final Clock clock;
        private final String instance = UUID.randomUUID().toString().substring(0, 8);
        private final List<String> deployments = new ArrayList<>();
        private final List<StreamWorker> workers = new ArrayList<>();
        private Optional<EmbeddedRedis> embedded = Optional.empty();
        private RedisStore store;
        private Catalog catalog;
        private TimeZones zones;
        private IntentRecognizer recognizer;

        Starting(Vertx vertx, Config config, Clock clock) {
            this.vertx = vertx;
            this.config = config;
            this.clock = clock;
        }

        Future<Mwalimu> run() {
            LOG.info("starting Mwalimu with {}", config);
            return vertx.executeBlocking(() -> {
                        zones = TimeZones.load(config.delivery().countriesFile());
                        Catalog loaded = new ContentLoader(config.languages(), config.delivery().foldAccents()).load(config.contentDir());
                        recognizer = NluLoader.load(new NluFiles(config.nlpDir()), config.languages());
                        return loaded;
                    })
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
            int partitions = config.partitions();
            WorkStream inbound = new WorkStream(store, Streams.INBOUND, Streams.CONVERSATION_GROUP, partitions);
            WorkStream replies = new WorkStream(store, Streams.REPLIES, Streams.SENDER_GROUP, partitions);
            WorkStream bulk = new WorkStream(store, Streams.BULK, Streams.SENDER_GROUP, partitions);
            StatsEvents stats = new StatsEvents(new CitizenHasher(salt));
            SmsEncoding encoding = new SmsEncoding(config.delivery().foldAccents());
            DailySchedule schedule = new DailySchedule(config.delivery().quietHours());
            DailyPlanner planner = new DailyPlanner(schedule, zones, clock);
            ConversationEngine engine = new ConversationEngine(catalog, new IntentAnswerer(recognizer, catalog),
                    h -> !schedule.inQuietHours(h), config.country());
            Citizens citizens = new Citizens(store, inbound, replies);
            Outbox outbox = new Outbox(store);
            Inbox inbox = new Inbox(inbound);

            SimulatorChannel simulator = new SimulatorChannel(inbox, new SimulatorOutbox(store), stats, encoding);
            Map<String, ChannelSender> senders = new HashMap<>(providerSenders(outbox, stats, encoding));
            senders.put(SimulatorChannel.NAME, simulator);
            ConversationTurns turns = new ConversationTurns(citizens, inbound, replies, bulk, engine, stats, planner);
            Webhooks webhooks = new Webhooks(inbox, outbox, config.publicBaseUrl(), config.providers().twilio(),
                    config.providers().whatsapp(), config.providers().africasTalkingWebhookToken(),
                    config.providers().telegram());
            UssdChannel ussd = new UssdChannel(new DirectTurns(citizens, engine, stats, planner),
                    new UssdSessions(store), catalog, config.providers().africasTalkingWebhookToken());
            DeadLetterApi deadLetters = new DeadLetterApi(new DeadLetters(store));
            QuestionsApi questions = new QuestionsApi(recognizer, new UnansweredQuestions(store), config.languages());
            List<Consumer<Router>> routes = List.of(simulator::mount, webhooks::mount, ussd::mount, deadLetters::mount,
                    questions::mount);
            HealthCheck health = new HealthCheck(store, workers);
            List<HttpVerticle> http = new ArrayList<>();
            return Future.all(inbound.ensureGroups(), replies.ensureGroups(), bulk.ensureGroups())
                    .compose(v -> deployEach(config.workers(), i -> worker(inbound, "conversation-" + i, turns)))
                    .compose(v -> deployEach(config.senders(), i -> worker(replies, "sender-" + i,
                            new OutboundDispatcher(replies, senders))))
                    .compose(v -> deployEach(config.senders(), i -> worker(bulk, "bulk-" + i,
                            new OutboundDispatcher(bulk, senders))))
                    .compose(v -> deployEach(1, i -> new DeliveryTimers(outbox, new DailySchedules(store, inbound),
                            schedule, zones, clock, config.delivery().schedulerInterval())))
                    .compose(v -> deployEach(Math.max(1, Runtime.getRuntime().availableProcessors()), i -> {
                        HttpVerticle verticle = new HttpVerticle(config.httpPort(), adminToken, health, routes);
                        http.add(verticle);
                        return verticle;
                    }))
                    .map(v -> {
                        int port = http.get(0).actualPort();
                        LOG.info("Mwalimu is listening on port {}", port);
                        return new Mwalimu(vertx, embedded, store, deployments, port, Optional.of(inbox));
                    });
        }

        /** A sender per configured provider channel; the HTTP client is shared and kept for the app's life. */
        private Map<String, ChannelSender> providerSenders(Outbox outbox, StatsEvents stats, SmsEncoding encoding) {
            Config.Providers p = config.providers();
            WebClient client = WebClient.create(vertx);
            RateBuckets buckets = new RateBuckets(store);
            RetryPolicy retries = config.delivery().retries();
            Map<String, ChannelSender> senders = new HashMap<>();
            BiConsumer<ProviderSender.Route, ProviderApi> add = (route, api) -> senders.put(
                    route.channel(), new ProviderSender(vertx, client, route, api, buckets, outbox, retries, encoding, stats));
            p.twilio().ifPresent(s -> {
                TwilioAdapter twilio = new TwilioAdapter();
                add.accept(new ProviderSender.Route("twilio", Webhooks.TWILIO, p.twilioApiBase(), p.twilioRate(), true),
                        new ProviderApi(m -> twilio.send(s, m, false), twilio::outcome));
                add.accept(new ProviderSender.Route("twilio-whatsapp", Webhooks.TWILIO, p.twilioApiBase(), p.twilioRate(), false),
                        new ProviderApi(m -> twilio.send(s, m, true), twilio::outcome));
            });
            p.whatsapp().ifPresent(s -> {
                WhatsAppCloudAdapter whatsapp = new WhatsAppCloudAdapter();
                add.accept(new ProviderSender.Route("whatsapp", Webhooks.WHATSAPP, p.whatsappApiBase(), p.whatsappRate(), false),
                        new ProviderApi(m -> whatsapp.send(s, m), whatsapp::outcome));
            });
            p.africasTalking().ifPresent(s -> {
                AfricasTalkingAdapter at = new AfricasTalkingAdapter();
                add.accept(new ProviderSender.Route("at-sms", Webhooks.AFRICAS_TALKING, p.africasTalkingApiBase(),
                        p.africasTalkingRate(), true), new ProviderApi(m -> at.send(s, m), at::outcome));
            });
            p.telegram().ifPresent(s -> {
                TelegramAdapter telegram = new TelegramAdapter();
                add.accept(new ProviderSender.Route("telegram", "telegram", p.telegramApiBase(), p.telegramRate(), false),
                        new ProviderApi(m -> telegram.send(s, m), telegram::outcome));
            });
            return senders;
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

        Mwalimu partial() {
            return new Mwalimu(vertx, embedded, store, deployments, 0, Optional.empty());
        }
    }
}
