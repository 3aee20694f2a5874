package org.mwalimu.delivery;

/** What /health shows of one worker. */
public record WorkerStatus(String name, String stage, boolean running, int partitions, long idleMillis, String problem) {
}
