package io.pb4j.core.hook;

import java.util.List;

/** An event that names what it is about (a collection's id and name), for {@link TaggedHook}s to filter on. */
public interface Tagged {
    /** The event's tags, e.g. {@code [collectionId, collectionName]}. */
    List<String> tags();
}
