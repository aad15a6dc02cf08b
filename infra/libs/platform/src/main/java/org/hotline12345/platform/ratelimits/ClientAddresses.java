package org.hotline12345.platform.ratelimits;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a request came from, as the per-address limits count it. Behind a load balancer every request's peer is the
 * balancer, so {@code X-Forwarded-For} is read, but only from the proxies configured as trusted
 * ({@code hotline.http.trusted-proxies}, addresses or CIDR ranges): from anyone else the header is a lie
 * that would give each request a bucket of its own. The client is the right-most address of the header that is not
 * a trusted proxy. An IPv6 client is counted by its /64, the block one subscriber line is given, so a host that
 * rotates through its addresses still has one bucket.
 */
public class ClientAddresses {

    private final List<IpSubnetFilterRule> trustedProxies;

    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddresses::range).toList();
    }

    /** An address, or a CIDR range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    private static IpSubnetFilterRule range(String range) {
        String[] parts = range.strip().split("/", 2);
        InetAddress network = parse(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("not an address or range: " + range);
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.getAddress().length * 8;
        return new IpSubnetFilterRule(network, bits, IpFilterRuleType.ACCEPT);
    }

    /** The bucket key of the client a request came from. */
    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            throw new InvalidRequestException("(client)", "has no address");
        }
        InetAddress client = remote.getAddress();
        if (trusted(client)) {
            List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
            for (int i = forwarded.size() - 1; i >= 0; i--) {
                InetAddress hop = parse(forwarded.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return bucket(client);
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress hop = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(hop));
    }

    /** A literal address, or {@code null}: a host name is never looked up, so a header cannot cost a DNS query. */
    private static InetAddress parse(String literal) {
        String value = literal.strip();
        if (!value.matches("[0-9a-fA-F:.]{2,45}")) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    static String bucket(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%x", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
