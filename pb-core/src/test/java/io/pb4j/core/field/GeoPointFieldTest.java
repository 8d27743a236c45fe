package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoPointFieldTest {
    private final GeoPointField optional = field("{'type':'geoPoint','name':'loc','id':'x'}");
    private final GeoPointField required = field("{'type':'geoPoint','name':'loc','id':'x','required':true}");

    @Test
    void definitionAndColumnAreAsPocketBaseWritesThem() {
        assertThat(required.toJson().toString()).isEqualTo("{\"help\":\"\",\"hidden\":false,\"id\":\"x\",\"name\":\"loc\","
                + "\"presentable\":false,\"required\":true,\"system\":false,\"type\":\"geoPoint\"}");
        assertThat(optional.columnType()).isEqualTo("JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL");
        assertThat(optional.toJsonValue(optional.defaultValue()).toString()).isEqualTo("{\"lon\":0,\"lat\":0}");
        assertThat(FieldTypes.fromJson(optional.toJson())).isEqualTo(optional);
    }

    @Test
    void coercesObjectsJsonTextAndMapsLikeGoJsonDecoding() {
        assertThat(optional.coerce(null)).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.coerce("")).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.coerce(Map.of())).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.coerce("{\"lon\": 10, \"lat\": 20}")).isEqualTo(new GeoPoint(10, 20));
        assertThat(optional.coerce(Map.of("lon", 10, "lat", 20.5))).isEqualTo(new GeoPoint(10, 20.5));
        assertThat(optional.coerce(Json.createObjectBuilder().add("LAT", 1.5).add("lon", -3).add("x", 9).build()))
                .isEqualTo(new GeoPoint(-3, 1.5));
        // a mistyped coordinate is skipped; unparseable or non-object input is the zero point
        assertThat(optional.coerce("{\"lon\":\"a\",\"lat\":4}")).isEqualTo(new GeoPoint(0, 4));
        assertThat(optional.coerce("{\"lon\":1")).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.coerce("[1,2]")).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.coerce(123)).isEqualTo(GeoPoint.ZERO);
    }

    @Test
    void readsAndWritesTheJsonColumn() {
        assertThat(optional.fromColumn("{\"lat\":0,\"lon\":0}")).isEqualTo(GeoPoint.ZERO);
        assertThat(optional.fromColumn("{\"lon\":23.333157,\"lat\":42.654318}")).isEqualTo(new GeoPoint(23.333157, 42.654318));
        assertThat(optional.toColumn(new GeoPoint(-74.006015, 40.712728))).isEqualTo("{\"lon\":-74.006015,\"lat\":40.712728}");
        assertThat(optional.toColumn(new GeoPoint(1, 0.5))).isEqualTo("{\"lon\":1,\"lat\":0.5}");
    }

    @Test
    void requiredMeansNotNullIsland() {
        assertThat(required.validate(GeoPoint.ZERO)).contains(ValidationError.required());
        assertThat(optional.validate(GeoPoint.ZERO)).isEmpty();
        assertThat(required.validate(new GeoPoint(0, 1))).isEmpty();
        assertThat(required.validate(new GeoPoint(1, 0))).isEmpty();
        assertThat(required.validate(new GeoPoint(-1, -2))).isEmpty();
    }

    @Test
    void latitudeIsCheckedBeforeLongitude() {
        ValidationError lat = new ValidationError("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees.");
        ValidationError lon = new ValidationError("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees.");
        assertThat(optional.validate(new GeoPoint(0, -90.1))).contains(lat);
        assertThat(optional.validate(new GeoPoint(0, 90.1))).contains(lat);
        assertThat(optional.validate(new GeoPoint(-180.1, 0))).contains(lon);
        assertThat(optional.validate(new GeoPoint(180.1, 0))).contains(lon);
        assertThat(optional.validate(new GeoPoint(200, 100))).contains(lat);
        assertThat(optional.validate(new GeoPoint(180, -90))).isEmpty();
    }
}
