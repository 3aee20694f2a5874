package org.mwalimu.app;

import java.util.concurrent.CountDownLatch;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.InvalidContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar mwalimu.jar [command]}: the tools below, or with no argument the server. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve(config);
            case "validate-content" -> System.exit(validateContent(config));
            case "benchmark" -> System.exit(SimulatorBenchmark.run(config, args));
            case "benchmark-webhooks" -> System.exit(WebhookBenchmark.run(config, args));
            case "train" -> System.exit(NluCommands.train(config));
            case "eval" -> System.exit(NluCommands.eval(config, args));
            case "benchmark-nlu" -> System.exit(NluCommands.benchmark(config));
            default -> {
                System.err.println("Unknown command '" + command + "'. Use: validate-content, train, eval FILE.tsv, benchmark, benchmark-webhooks, benchmark-nlu, or no argument to serve.");
                System.exit(2);
            }
        }
    }

    private static int validateContent(Config config) {
        try {
            var catalog = new ContentLoader(config.languages()).load(config.contentDir());
            System.out.println("Content is valid: " + catalog.courses().size() + " courses in " + config.languages());
            return 0;
        } catch (InvalidContentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static void serve(Config config) throws InterruptedException {
        Mwalimu app;
        try {
            app = Mwalimu.start(config).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.error("Mwalimu cannot start: {}", cause.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping Mwalimu");
            app.stop().onComplete(r -> stopped.countDown());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mwalimu-shutdown"));
        stopped.await();
    }
}
