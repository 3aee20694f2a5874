package org.mwalimu.content;

/** How a citizen sees the replies: as text messages, or as USSD screens of at most 182 characters. */
public enum Surface {
    TEXT, USSD
}
