package org.mwalimu.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    private static final Path REAL_FILE = Path.of("content", "countries.yaml");
    private static final Instant JUNE = Instant.parse("2025-06-10T12:00:00Z");

    /** UN least developed countries, landlocked developing countries and small island developing states. */
    private static final List<String> MUST_COVER = List.of(
            "TZ", "KE", "UG", "RW", "BI", "MW", "MZ", "ZM", "ZW", "ET", "SS", "SD", "SO", "DJ", "ER", "MG", "KM",
            "CD", "CF", "TD", "NE", "ML", "BF", "SN", "GM", "GN", "GW", "SL", "LR", "TG", "BJ", "MR", "AO", "LS",
            "SZ", "BW", "NP", "BT", "BD", "MM", "LA", "KH", "AF", "KG", "TJ", "TM", "UZ", "KZ", "MN", "AM", "AZ",
            "MD", "MK", "PY", "BO", "HT", "YE", "TL", "KI", "TV", "SB", "VU", "WS", "TO", "FJ", "PG", "FM", "MH",
            "PW", "NR", "MV", "MU", "SC", "CV", "ST", "BS", "BB", "BZ", "DM", "GD", "GY", "JM", "KN", "LC", "VC",
            "SR", "TT", "CU", "DO", "AG", "BH", "SG",
            "US", "GB", "FR", "PT", "BR", "IN", "ZA", "NG", "GH", "CI", "CM");

    private static TimeZones real;

    @BeforeAll
    static void loadRealFile() {
        real = TimeZones.load(REAL_FILE);
    }

    @Test
    void realFileCoversTheTargetCountriesWithValidZones() {
        Map<String, ZoneId> zones = real.zones();
        assertTrue(zones.size() >= 90, "only " + zones.size() + " regions");
        for (String region : MUST_COVER) {
            assertTrue(zones.containsKey(region), region + " is missing from " + REAL_FILE);
        }
        for (Map.Entry<String, ZoneId> e : zones.entrySet()) {
            assertTrue(PhoneNumberUtil.getInstance().getSupportedRegions().contains(e.getKey()), e.getKey());
            // Resolving the rules proves the id is a real zone of this JDK's tz database.
            e.getValue().getRules().getOffset(JUNE);
        }
        assertEquals(ZoneId.of("UTC"), real.defaultZone());
    }

    @ParameterizedTest
    @CsvSource({
            "+255700000001, Africa/Dar_es_Salaam",
            "+254712345678, Africa/Nairobi",
            "+256772123456, Africa/Kampala",
            "+9779812345678, Asia/Kathmandu",
            "+6797012345, Pacific/Fiji",
            "+18765551234, America/Jamaica",
            "+12025550123, America/New_York",
            "+77012345678, Asia/Almaty",
            "+5926091234, America/Guyana",
            "'+255 700 000 001', Africa/Dar_es_Salaam",
    })
    void phoneNumberGetsTheZoneOfItsCountry(String address, String zone) {
        assertEquals(ZoneId.of(zone), real.zoneFor(address));
    }

    @Test
    void nepalIsFiveHoursFortyFiveAhead() {
        assertEquals(ZoneOffset.ofHoursMinutes(5, 45), real.zoneFor("+9779812345678").getRules().getOffset(JUNE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tg:123", "tg:12345", "hello", "+", "+abc", "255700000001",
            "+4930123456",      // Germany: a real country, not listed
            "+80012345678",     // international freephone: no country ("001")
    })
    void otherAddressesGetTheDefaultZone(String address) {
        assertEquals(ZoneId.of("UTC"), real.zoneFor(address));
    }

    @Test
    void defaultZoneComesFromTheFile(@TempDir Path dir) throws IOException {
        TimeZones zones = TimeZones.load(write(dir, "default_zone: Africa/Nairobi\nzones:\n  TZ: Africa/Dar_es_Salaam\n"));
        assertEquals(ZoneId.of("Africa/Nairobi"), zones.defaultZone());
        assertEquals(ZoneId.of("Africa/Nairobi"), zones.zoneFor("tg:123"));
        assertEquals(ZoneId.of("Africa/Nairobi"), zones.zoneFor("+9779812345678"));
        assertEquals(ZoneId.of("Africa/Dar_es_Salaam"), zones.zoneFor("+255700000001"));
    }

    @Test
    void missingDefaultZoneMeansUtc(@TempDir Path dir) throws IOException {
        TimeZones zones = TimeZones.load(write(dir, "zones:\n  FJ: Pacific/Fiji\n"));
        assertEquals(ZoneId.of("UTC"), zones.defaultZone());
        assertEquals(ZoneId.of("Pacific/Fiji"), zones.zoneFor("+6797012345"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default_zone: UTC\\nzones:\\n  TZ: Africa/Atlantis\\n                | zones.TZ     | Africa/Atlantis",
            "default_zone: UTC\\nzones:\\n  TZ: \"\"\\n                              | zones.TZ     | time zone id",
            "default_zone: UTC\\nzones:\\n  tz: Africa/Dar_es_Salaam\\n            | zones.tz     | region code",
            "default_zone: UTC\\nzones:\\n  XX: Africa/Dar_es_Salaam\\n            | zones.XX     | region code",
            "default_zone: UTC\\nzones:\\n  TZA: Africa/Dar_es_Salaam\\n           | zones.TZA    | region code",
            "default_zone: Mars/Olympus\\nzones: {}\\n                             | default_zone | Mars/Olympus",
            "default_zone: UTC\\nzone:\\n  TZ: Africa/Dar_es_Salaam\\n             | zone         | unknown key",
            "default_zone: UTC\\nzones:\\n  - TZ\\n                                | zones        | mapping",
            "default_zone: UTC\\nzones:\\n  TZ: Africa/Nairobi\\n  TZ: Africa/Dar_es_Salaam\\n | - | Duplicate field",
            "'- TZ\\n'                                                            | -            | mapping",
            "''                                                                  | -            | empty",
    })
    void badEntryIsNamedWithTheFile(String yaml, String entry, String detail, @TempDir Path dir) throws IOException {
        Path file = write(dir, yaml.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeZones.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(entry), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TimeZones.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("countries.yaml"), text);
    }
}
