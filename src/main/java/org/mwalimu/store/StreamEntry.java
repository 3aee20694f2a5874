package org.mwalimu.store;

import java.util.Map;

/** One entry read from a partitioned work stream. */
public record StreamEntry(int partition, String id, Map<String, String> fields) {

    public StreamEntry {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
