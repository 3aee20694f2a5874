package org.mwalimu.content;

/** The commands a citizen can type as a whole message; their keywords per language live in content/system. */
public enum Command {
    MENU, NEXT, HELP, LANG, STOP, START, DAILY, DAILY_OFF, LEARN
}
