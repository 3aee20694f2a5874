package org.mwalimu.nlu;

/**
 * Per-language decision rule tuned on the held-out split: below {@code threshold} the answer is
 * "fallback"; when the runner-up is within {@code margin} of the best, ask which one was meant.
 */
public record Calibration(double threshold, double margin) {
}
