package org.mwalimu.delivery;

import java.util.Map;
import java.util.function.Function;
import org.mwalimu.channel.OutboundMessage;
import org.mwalimu.channel.ProviderRequest;
import org.mwalimu.channel.SendOutcome;

/** How to talk to one provider's send API: build the request, read the answer. */
public record ProviderApi(Function<OutboundMessage, ProviderRequest> request, OutcomeReader outcome) {

    /** Reads a provider's HTTP answer (headers with lower-case names). */
    public interface OutcomeReader {
        SendOutcome read(int status, Map<String, String> headers, String body);
    }
}
