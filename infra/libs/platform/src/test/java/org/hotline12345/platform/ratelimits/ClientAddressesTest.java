package org.hotline12345.platform.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindBalancers = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));
    private final ClientAddresses facingTheInternet = new ClientAddresses(List.of());

    @Test
    void ignoresTheForwardedHeaderOfAPeerThatIsNoTrustedProxy() {
        var request = request("198.51.100.7", "203.0.113.1");

        assertThat(behindBalancers.of(request)).isEqualTo("198.51.100.7");
        assertThat(facingTheInternet.of(request("10.1.2.3", "203.0.113.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void takesTheRightMostAddressNotATrustedProxyAsTheClient() {
        assertThat(behindBalancers.of(request("10.1.2.3", "203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
        // a client that sends its own header only adds addresses to the left of the one the balancer appends
        assertThat(behindBalancers.of(request("10.1.2.3", "1.1.1.1, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindBalancers.of(request("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
    }

    @Test
    void countsAnIpv6ClientByItsSlash64() {
        String one = facingTheInternet.of(request("2001:db8:1:2:aaaa::1", null));
        String other = facingTheInternet.of(request("2001:db8:1:2:ffff:ffff:ffff:fffe", null));
        String elsewhere = facingTheInternet.of(request("2001:db8:1:3::1", null));

        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2::/64");
        assertThat(elsewhere).isNotEqualTo(one);
        assertThat(behindBalancers.of(request("fd00::1", "2001:db8:9:9::5"))).isEqualTo("2001:db8:9:9::/64");
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        var request = MockServerHttpRequest.post("/api/v1/complaints")
                .remoteAddress(new InetSocketAddress(peer, 40_000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }
}
