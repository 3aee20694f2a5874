package org.mwalimu.delivery;

import io.vertx.core.Future;
import java.util.function.Function;
import org.mwalimu.conversation.CitizenState;
import org.mwalimu.conversation.Turn;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.Citizens.CommitResult;

/**
 * Reads a citizen's state, takes one turn and commits it with the version it read; when another
 * turn committed first, reads again and redoes the turn. Shared by queued and USSD turns.
 */
final class OptimisticTurns {

    private static final int MAX_CONFLICTS = 10;

    /** Commits {@code turn} (taken from {@code before}) if the stored state still has {@code version}. */
    interface Commit {
        Future<CommitResult> apply(CitizenState before, Turn turn, long version, String stateJson);
    }

    private final Citizens citizens;
    private final CitizenStateCodec codec = new CitizenStateCodec();

    OptimisticTurns(Citizens citizens) {
        this.citizens = citizens;
    }

    /** The turn that was committed (or found already handled). */
    Future<Turn> run(String address, Function<CitizenState, Turn> take, Commit commit) {
        return attempt(address, take, commit, 0);
    }

    private Future<Turn> attempt(String address, Function<CitizenState, Turn> take, Commit commit, int conflicts) {
        return citizens.load(address).compose(stored -> {
            CitizenState before = codec.decode(stored.json());
            Turn turn = take.apply(before);
            return commit.apply(before, turn, stored.version(), codec.encode(turn.state())).compose(result ->
                    result != CommitResult.CONFLICT ? Future.succeededFuture(turn)
                            : conflicts < MAX_CONFLICTS ? attempt(address, take, commit, conflicts + 1)
                            : Future.failedFuture(new IllegalStateException("citizen state keeps changing")));
        });
    }
}
