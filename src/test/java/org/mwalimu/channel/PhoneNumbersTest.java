package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @Test
    void anInternationalNumberWithSpacesIsWrittenAsE164() {
        assertEquals(Optional.of("+255700000001"), PhoneNumbers.e164("+255 700 000 001"));
    }

    @Test
    void anE164NumberStaysAsItIs() {
        assertEquals(Optional.of("+255700000001"), PhoneNumbers.e164("+255700000001"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals(Optional.of("+255700000001"), PhoneNumbers.e164("  +255 700 000 001 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0700000001", "255700000001", "hello", "", "   ", "+1", "+", "+255 abc"})
    void whatIsNotAPossibleInternationalNumberIsRejected(String raw) {
        assertTrue(PhoneNumbers.e164(raw).isEmpty(), () -> "'" + raw + "' should be rejected");
    }

    @ParameterizedTest
    @NullSource
    void nullIsRejected(String raw) {
        assertTrue(PhoneNumbers.e164(raw).isEmpty());
    }

    @Test
    void absurdlyLongInputIsRejected() {
        assertTrue(PhoneNumbers.e164("+255 700 000 001" + " ".repeat(40)).isEmpty());
    }
}
