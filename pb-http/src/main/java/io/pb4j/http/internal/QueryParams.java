package io.pb4j.http.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.RequestEvent;

/** Integer query parameters ({@code page}, {@code perPage}) read as PocketBase's search provider reads them. */
public final class QueryParams {
    private QueryParams() {
    }

    /**
     * The parameter as an int, 0 when absent. Go's {@code Atoi} reads 64 bits and the search then caps the value, so
     * {@code perPage=99999999999} is no error: values beyond an int are clamped. Text that is no integer is a 400.
     */
    public static int intParam(RequestEvent e, String name) {
        String v = e.queryParam(name);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(v)));
        } catch (NumberFormatException ex) {
            throw ApiException.badRequest("");
        }
    }
}
