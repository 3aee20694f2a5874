package org.mwalimu.channel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses international phone numbers with libphonenumber and writes them as E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** A "+" then digits and the usual separators; no letters (libphonenumber would read them as keypad digits). */
    private static final Pattern DIALLABLE = Pattern.compile("\\+[0-9 ().-]+");

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw} ("+255 700 000 001" → "+255700000001") if it is a possible number. */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.length() > 32 || !DIALLABLE.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, "ZZ");
            return UTIL.isPossibleNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
