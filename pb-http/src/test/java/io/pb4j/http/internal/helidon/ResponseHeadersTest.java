package io.pb4j.http.internal.helidon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.HeaderNames;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {
    @Test
    void aRepeatedPairIsMadeOnceAndAChangedValueIsMadeAgain() {
        var first = ResponseHeaders.of("X-Frame-Options", "SAMEORIGIN");
        assertThat(ResponseHeaders.of("X-Frame-Options", "SAMEORIGIN")).isSameAs(first);
        var other = ResponseHeaders.of("X-Frame-Options", "DENY");
        assertThat(other.get()).isEqualTo("DENY");
        assertThat(other.headerName()).isEqualTo(HeaderNames.create("x-frame-options"));
        assertThat(ResponseHeaders.of("X-Frame-Options", "SAMEORIGIN").get()).isEqualTo("SAMEORIGIN");
    }

    @Test
    void aValueWithALineBreakIsRefusedAsHelidonRefusesIt() {
        assertThatThrownBy(() -> ResponseHeaders.of("X-Test", "a\r\nSet-Cookie: x=1"))
                .isInstanceOf(IllegalArgumentException.class);
        // a refused value is never kept: the next one with the same name is checked again
        assertThatThrownBy(() -> ResponseHeaders.of("X-Test", "a\r\nSet-Cookie: x=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseHeaders.of(HeaderNames.SET_COOKIE, "ok=1", "bad=\n1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ResponseHeaders.of(HeaderNames.SET_COOKIE, "a=1", "b=2").allValues()).containsExactly("a=1", "b=2");
    }
}
