package org.hotline12345.platform.pages;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hotline12345.platform.HotlineProperties;

/**
 * The Content-Security-Policy of the pages, which keep a person's tokens in the tab: scripts, styles and images of
 * this service only, no inline script, requests only to this service, the provider and the other services the pages
 * call, and no framing.
 */
final class PagePolicy {

    private PagePolicy() {
    }

    static String of(HotlineProperties.Pages pages) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        if (pages.issuer() != null && !pages.issuer().isBlank()) {
            connect.add(origin(pages.issuer()));
        }
        pages.services().values().forEach(service -> connect.add(origin(service)));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "object-src 'none'";
    }

    private static String origin(String address) {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
