package io.pb4j.core.field;

import io.pb4j.core.internal.Numbers;
import jakarta.json.JsonObject;

/** A {@code geoPoint} value: longitude and latitude in degrees. {@code (0, 0)} ("Null Island") counts as empty. */
public record GeoPoint(double lon, double lat) {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    /** The empty value: longitude and latitude 0. */
    public static final GeoPoint ZERO = new GeoPoint(0, 0);

    /** Whether this is {@link #ZERO}. */
    public boolean isZero() {
        return lon == 0 && lat == 0;
    }

    /** {@code {"lon":…,"lat":…}} with Go's number formatting, as PocketBase writes it. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("lon", Numbers.toJson(lon)).add("lat", Numbers.toJson(lat)).build();
    }
}
