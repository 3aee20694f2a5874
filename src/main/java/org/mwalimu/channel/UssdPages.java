package org.mwalimu.channel;

import java.util.ArrayList;
import java.util.List;

/** Splits a reply into USSD screens of a fixed size, breaking at lines, then sentences, then words. */
public final class UssdPages {

    private UssdPages() {
    }

    public static List<String> split(String text, int size) {
        List<String> pages = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > size) {
            int cut = breakPoint(rest, size);
            pages.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        pages.add(rest);
        return pages;
    }

    private static int breakPoint(String text, int size) {
        int line = text.lastIndexOf('\n', size);
        if (line > size / 3) {
            return line;
        }
        for (int i = size - 1; i > size / 3; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        int space = text.lastIndexOf(' ', size);
        return space > 0 ? space : size;
    }
}
