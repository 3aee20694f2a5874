package org.mwalimu.delivery;

/** What the schedule keeps per citizen besides the due time: the channel to send on and the hour. */
record DailyDetails(String channel, int hour) {

    static String encode(String channel, int hour) {
        return channel + "," + hour;
    }

    static DailyDetails decode(String encoded) {
        int comma = encoded.lastIndexOf(',');
        if (comma < 1) {
            throw new IllegalArgumentException("bad daily schedule details");
        }
        return new DailyDetails(encoded.substring(0, comma), Integer.parseInt(encoded.substring(comma + 1)));
    }
}
