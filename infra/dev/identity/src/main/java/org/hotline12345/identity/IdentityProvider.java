package org.hotline12345.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The dev stack's OpenID Connect provider: the demo users sign in to the hub's pages here. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProvider {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProvider.class, args);
    }
}
