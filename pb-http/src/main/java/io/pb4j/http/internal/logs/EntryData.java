package io.pb4j.http.internal.logs;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A request log entry's data: a small insertion-ordered map over two arrays. The activity logger fills one per
 * request with about a dozen keys, for which a {@code LinkedHashMap} allocates a table and a node per key (in JFR,
 * its puts were most of the logger's own time on the request thread); the log writer reads it once, to write its
 * JSON. Not thread-safe; no null keys.
 */
final class EntryData extends AbstractMap<String, Object> {
    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private int size;

    @Override
    public Object put(String key, Object value) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                Object old = values[i];
                values[i] = value;
                return old;
            }
        }
        append(key, value);
        return null;
    }

    /** Adds a key the map does not hold yet, without looking for it (the caller knows its keys are distinct). */
    void append(String key, Object value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size++] = value;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(keys[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
