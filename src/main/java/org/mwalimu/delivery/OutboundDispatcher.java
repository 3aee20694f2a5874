package org.mwalimu.delivery;

import io.vertx.core.Future;
import java.util.Map;
import org.mwalimu.store.StreamEntry;
import org.mwalimu.store.WorkStream;

/** Hands each outbound entry to the sender of its channel; an unknown channel is a dead letter. */
public final class OutboundDispatcher implements StreamWorker.EntryHandler {

    /** Sends one outbound entry read from {@code stream} and acknowledges it there, never twice. */
    public interface ChannelSender {
        Future<Void> send(WorkStream stream, StreamEntry entry);
    }

    private final WorkStream outbound;
    private final Map<String, ChannelSender> senders;

    public OutboundDispatcher(WorkStream outbound, Map<String, ChannelSender> senders) {
        this.outbound = outbound;
        this.senders = Map.copyOf(senders);
    }

    @Override
    public Future<Void> handle(StreamEntry entry) {
        ChannelSender sender = senders.get(entry.field(Fields.CHANNEL));
        if (sender == null) {
            return outbound.deadLetter(entry, "no sender for channel '" + entry.field(Fields.CHANNEL) + "'");
        }
        return sender.send(outbound, entry);
    }
}
