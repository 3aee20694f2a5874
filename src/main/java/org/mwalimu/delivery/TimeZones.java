package org.mwalimu.delivery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default time zone of a citizen, from the country of their phone number, as listed in
 * {@code content/countries.yaml}: {@code default_zone} and {@code zones} (region code → IANA zone id).
 */
public final class TimeZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("default_zone", "zones");

    private final ZoneId defaultZone;
    private final Map<String, ZoneId> zones;

    public TimeZones(ZoneId defaultZone, Map<String, ZoneId> zones) {
        if (defaultZone == null || zones == null) {
            throw new IllegalArgumentException("defaultZone and zones are required");
        }
        this.defaultZone = defaultZone;
        this.zones = Map.copyOf(zones);
    }

    /**
     * Reads and checks the file. {@code default_zone} is optional (UTC when absent); every key of
     * {@code zones} must be an upper-case region code libphonenumber knows and every value a valid zone id.
     *
     * @throws IllegalArgumentException naming the file and the bad entry when the content is invalid
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static TimeZones load(Path file) {
        JsonNode root = read(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw bad(file, "-", "the file is empty; expected 'default_zone' and 'zones'");
        }
        if (!root.isObject()) {
            throw bad(file, "-", "expected a mapping with 'default_zone' and 'zones'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL_KEYS.contains(name)) {
                throw bad(file, name, "unknown key; expected 'default_zone' and 'zones'");
            }
        }
        ZoneId defaultZone = root.has("default_zone")
                ? zone(file, "default_zone", root.get("default_zone"))
                : ZoneId.of("UTC");
        Map<String, ZoneId> zones = new TreeMap<>();
        JsonNode zonesNode = root.get("zones");
        if (zonesNode != null && !zonesNode.isNull()) {
            if (!zonesNode.isObject()) {
                throw bad(file, "zones", "expected a mapping of region code to time zone, e.g. 'TZ: Africa/Dar_es_Salaam'");
            }
            Set<String> known = PHONES.getSupportedRegions();
            for (Iterator<Map.Entry<String, JsonNode>> it = zonesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String region = entry.getKey();
                String where = "zones." + region;
                if (!region.matches("[A-Z]{2}") || !known.contains(region)) {
                    throw bad(file, where, "'" + region + "' is not a region code; use the upper-case"
                            + " ISO 3166 alpha-2 code of a country, e.g. TZ");
                }
                zones.put(region, zone(file, where, entry.getValue()));
            }
        }
        return new TimeZones(defaultZone, zones);
    }

    /**
     * The zone for a citizen's address: for an E.164 phone number the zone listed for its country,
     * otherwise (country not listed, number not recognised, or not a phone number like "tg:12345")
     * the default zone.
     */
    public ZoneId zoneFor(String address) {
        if (address == null || !address.strip().startsWith("+")) {
            return defaultZone;
        }
        try {
            String region = PHONES.getRegionCodeForNumber(PHONES.parse(address, "ZZ"));
            // null when no country matches the number; "001" for non-geographic numbers (+800, +882...).
            return region == null ? defaultZone : zones.getOrDefault(region, defaultZone);
        } catch (NumberParseException e) {
            return defaultZone;
        }
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** Every listed region code and its zone, sorted by region code. */
    public Map<String, ZoneId> zones() {
        return new TreeMap<>(zones);
    }

    private static JsonNode read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        yaml.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        try {
            return yaml.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw bad(file, "-", "not valid YAML" + line + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(Path file, String where, JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad(file, where, "expected a time zone id such as Africa/Nairobi");
        }
        String id = value.asText().strip();
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw bad(file, where, "'" + id + "' is not a known time zone id; use an IANA id such as Africa/Nairobi");
        }
    }

    private static IllegalArgumentException bad(Path file, String where, String problem) {
        return new IllegalArgumentException(file + ": " + where + ": " + problem);
    }
}
