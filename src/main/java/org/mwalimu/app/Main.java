package org.mwalimu.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.ContentProblem;
import org.mwalimu.content.ContentReport;
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
            case "validate-content" -> System.exit(validateContent(config, List.of(args).contains("--json")));
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

    /** Checks content/; prints a human report, or with --json one JSON object. Non-zero on errors. */
    private static int validateContent(Config config, boolean json) {
        ContentReport report = new ContentLoader(config.languages(), config.delivery().foldAccents()).check(config.contentDir());
        if (json) {
            System.out.println(new JsonObject()
                    .put("courses", report.courses()).put("lessons", report.lessons()).put("quizzes", report.quizzes())
                    .put("languages", new JsonArray(report.languages()))
                    .put("errors", problems(report.errors())).put("warnings", problems(report.warnings()))
                    .encodePrettily());
        } else {
            report.errors().forEach(p -> System.out.println("error: " + p));
            report.warnings().forEach(p -> System.out.println("warning: " + p));
            System.out.printf("%d courses, %d lessons, %d quizzes in %s: %d errors, %d warnings%n", report.courses(),
                    report.lessons(), report.quizzes(), report.languages(), report.errors().size(), report.warnings().size());
        }
        return report.errors().isEmpty() ? 0 : 1;
    }

    private static JsonArray problems(List<ContentProblem> problems) {
        JsonArray list = new JsonArray();
        problems.forEach(p -> list.add(new JsonObject().put("file", p.file()).put("field", p.field()).put("reason", p.reason())));
        return list;
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
