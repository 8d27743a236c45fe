package io.pb4j.core;

import io.pb4j.core.field.Field;
import java.util.List;

/**
 * What {@link PocketBase#dryRunView} infers from a view query: the fields a view collection over it would get, and a
 * sample of its records (as records of a temporary view collection). Immutable.
 */
public record ViewDryRun(List<Field> fields, List<Record> sample) {
    /** Creates the value from its components. */
    public ViewDryRun {
        fields = List.copyOf(fields);
        sample = List.copyOf(sample);
    }
}
