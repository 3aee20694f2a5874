package org.mwalimu.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mwalimu.channel.AfricasTalkingSettings;
import org.mwalimu.channel.TelegramSettings;
import org.mwalimu.channel.TwilioSettings;
import org.mwalimu.channel.WhatsAppSettings;
import org.mwalimu.delivery.DailySchedule.QuietHours;
import org.mwalimu.delivery.RetryPolicy;

/**
 * Every setting, read once from MW_ environment variables. Secrets are kept out of toString.
 *
 * @param redisUrl   empty → start an embedded Redis under {@code dataDir}
 * @param adminToken empty → generate one at first start and keep it in Redis
 * @param hashSalt   empty → generate one at first start and keep it in Redis
 */
public record Config(int httpPort, Path dataDir, Optional<String> redisUrl, int embeddedRedisPort,
                     Optional<String> adminToken, String publicBaseUrl, Path contentDir, List<String> languages,
                     int workers, int senders, int partitions, Optional<String> hashSalt,
                     Providers providers, Delivery delivery, Path nlpDir, Map<String, String> country) {

    /** Each provider's credentials (empty when the channel is not used), API base URL and send rate. */
    public record Providers(Optional<TwilioSettings> twilio, String twilioApiBase, double twilioRate,
                            Optional<WhatsAppSettings> whatsapp, String whatsappApiBase, double whatsappRate,
                            Optional<AfricasTalkingSettings> africasTalking, String africasTalkingApiBase,
                            double africasTalkingRate, Optional<String> africasTalkingWebhookToken,
                            Optional<TelegramSettings> telegram, String telegramApiBase, double telegramRate) {

        @Override
        public String toString() {
            return "twilio=" + twilio.isPresent() + ", whatsapp=" + whatsapp.isPresent()
                    + ", africastalking=" + africasTalking.isPresent() + ", telegram=" + telegram.isPresent();
        }
    }

    /** Retries, SMS encoding and daily lessons. */
    public record Delivery(RetryPolicy retries, boolean foldAccents, QuietHours quietHours,
                           Duration schedulerInterval, Path countriesFile) {
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Settings s = new Settings(env);
        int port = s.integer("MW_HTTP_PORT", 8080, 0, 65535);
        String publicBase = s.text("MW_PUBLIC_BASE_URL").orElse("http://localhost:" + port);
        Path contentDir = Path.of(env.getOrDefault("MW_CONTENT_DIR", "./content"));
        return new Config(
                port,
                Path.of(env.getOrDefault("MW_DATA_DIR", "./data")),
                s.text("MW_REDIS_URL"),
                s.integer("MW_EMBEDDED_REDIS_PORT", 0, 0, 65535),
                s.text("MW_ADMIN_TOKEN"),
                publicBase,
                contentDir,
                Arrays.stream(env.getOrDefault("MW_LANGUAGES", "en,fr,pt,sw").split(","))
                        .map(String::strip).filter(l -> !l.isEmpty()).toList(),
                s.integer("MW_WORKERS", 2, 0, 64),
                s.integer("MW_SENDERS", 2, 0, 64),
                s.integer("MW_PARTITIONS", 8, 1, 1024),
                s.text("MW_HASH_SALT"),
                providers(s, publicBase),
                new Delivery(
                        new RetryPolicy(s.integer("MW_SEND_ATTEMPTS", 6, 1, 50),
                                Duration.ofMillis(s.integer("MW_RETRY_BASE_MS", 2000, 1, 3_600_000)),
                                Duration.ofMillis(s.integer("MW_RETRY_MAX_MS", 300_000, 1, 86_400_000))),
                        Boolean.parseBoolean(env.getOrDefault("MW_SMS_FOLD_ACCENTS", "false")),
                        s.quietHours("MW_QUIET_HOURS", "21:00-07:00"),
                        Duration.ofSeconds(s.integer("MW_SCHEDULER_INTERVAL_S", 30, 1, 3600)),
                        Path.of(env.getOrDefault("MW_COUNTRIES_FILE", contentDir.resolve("countries.yaml").toString()))),
                Path.of(env.getOrDefault("MW_NLP_DIR", "./nlp-models")),
                country(s));
    }

    /** The country details answers refer to; unset ones are said in the content's neutral words. */
    private static Map<String, String> country(Settings s) {
        Map<String, String> country = new HashMap<>();
        s.text("MW_PORTAL_URL").ifPresent(v -> country.put("portal_url", v));
        s.text("MW_HELPLINE").ifPresent(v -> country.put("helpline", v));
        s.text("MW_OFFICE_HOURS").ifPresent(v -> country.put("office_hours", v));
        s.text("MW_SHORT_CODE").ifPresent(v -> country.put("short_code", v));
        return Map.copyOf(country);
    }

    private static Providers providers(Settings s, String publicBase) {
        Optional<TwilioSettings> twilio = s.text("MW_TWILIO_ACCOUNT_SID").flatMap(sid -> s.text("MW_TWILIO_AUTH_TOKEN")
                .map(token -> new TwilioSettings(sid, token, s.text("MW_TWILIO_FROM").orElse(""),
                        s.text("MW_TWILIO_WHATSAPP_FROM").orElse(""), publicBase + "/webhooks/twilio/status")));
        Optional<WhatsAppSettings> whatsapp = s.text("MW_WHATSAPP_APP_SECRET").map(secret -> new WhatsAppSettings(
                s.text("MW_WHATSAPP_PHONE_NUMBER_ID").orElse(""), s.text("MW_WHATSAPP_ACCESS_TOKEN").orElse(""),
                secret, s.text("MW_WHATSAPP_VERIFY_TOKEN").orElse("")));
        Optional<AfricasTalkingSettings> at = s.text("MW_AT_USERNAME").map(user -> new AfricasTalkingSettings(
                user, s.text("MW_AT_API_KEY").orElse(""), s.text("MW_AT_FROM").orElse("")));
        Optional<TelegramSettings> telegram = s.text("MW_TELEGRAM_BOT_TOKEN").flatMap(bot ->
                s.text("MW_TELEGRAM_SECRET_TOKEN").map(secret -> new TelegramSettings(bot, secret)));
        return new Providers(
                twilio, s.text("MW_TWILIO_API_BASE").orElse("https://api.twilio.com"), s.rate("MW_TWILIO_RATE", 10),
                whatsapp, s.text("MW_WHATSAPP_API_BASE").orElse("https://graph.facebook.com/v21.0"),
                s.rate("MW_WHATSAPP_RATE", 50),
                at, s.text("MW_AT_API_BASE").orElse("https://api.africastalking.com"), s.rate("MW_AT_RATE", 20),
                s.text("MW_AT_WEBHOOK_TOKEN"),
                telegram, s.text("MW_TELEGRAM_API_BASE").orElse("https://api.telegram.org"),
                s.rate("MW_TELEGRAM_RATE", 25));
    }

    @Override
    public String toString() {
        return "Config[httpPort=" + httpPort + ", dataDir=" + dataDir + ", redis="
                + (redisUrl.isPresent() ? "external" : "embedded") + ", contentDir=" + contentDir
                + ", languages=" + languages + ", workers=" + workers + ", senders=" + senders
                + ", partitions=" + partitions + ", " + providers + ", quietHours=" + delivery.quietHours() + "]";
    }

    /** Reads and checks environment values, failing with the variable's name. */
    private record Settings(Map<String, String> env) {

        Optional<String> text(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) {
                    throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + raw.get() + "'");
            }
        }

        double rate(String name, double fallback) {
            Optional<String> raw = text(name);
            try {
                double value = raw.map(Double::parseDouble).orElse(fallback);
                if (!(value > 0 && value <= 100_000)) {
                    throw new IllegalArgumentException(name + " must be a number of messages per second above 0");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number of messages per second");
            }
        }

        QuietHours quietHours(String name, String fallback) {
            try {
                return QuietHours.parse(text(name).orElse(fallback));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage());
            }
        }
    }
}
