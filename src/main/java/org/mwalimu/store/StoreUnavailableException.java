package org.mwalimu.store;

/** Redis cannot be reached or did not answer in time; the caller may retry later. */
public final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
