package io.pb4j.http.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddressesTest {
    @Test
    void literalsParseAndNamesDoNot() {
        assertThat(IpAddresses.canonical(" 10.0.0.1 ")).contains("10.0.0.1");
        assertThat(IpAddresses.canonical("::1")).contains("0:0:0:0:0:0:0:1");
        assertThat(IpAddresses.canonical("2001:db8::7")).contains("2001:db8:0:0:0:0:0:7");
        for (String bad : List.of("", "localhost", "example.com", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "abc")) {
            assertThat(IpAddresses.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void anIpIsInTheListByAddressOrSubnet() {
        assertThat(IpAddresses.inList(List.of("127.0.0.1"), "127.0.0.1")).isTrue();
        assertThat(IpAddresses.inList(List.of("10.0.0.0"), "127.0.0.1")).isFalse();
        assertThat(IpAddresses.inList(List.of("10.0.0.0/8"), "10.200.3.4")).isTrue();
        assertThat(IpAddresses.inList(List.of("10.0.0.0/8"), "11.0.0.1")).isFalse();
        assertThat(IpAddresses.inList(List.of("192.168.1.128/25"), "192.168.1.200")).isTrue();
        assertThat(IpAddresses.inList(List.of("192.168.1.128/25"), "192.168.1.100")).isFalse();
        assertThat(IpAddresses.inList(List.of("2001:db8::/32"), "2001:db8:1::5")).isTrue();
        assertThat(IpAddresses.inList(List.of("2001:db8::/32", "10.0.0.0/33", "junk"), "10.0.0.1")).isFalse();
        assertThat(IpAddresses.inList(List.of(), "10.0.0.1")).isFalse();
        assertThat(IpAddresses.inList(List.of("10.0.0.1"), "")).isFalse();
    }
}
