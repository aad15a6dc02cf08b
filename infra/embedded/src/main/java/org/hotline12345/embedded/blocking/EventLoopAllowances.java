package org.hotline12345.embedded.blocking;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass on a non-blocking thread in the services' tests, each for a reason; anything else
 * that blocks an event loop fails the test that caused it.
 */
public class EventLoopAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // random ticket ids and the nonces that seal contacts read /dev/urandom, which never blocks once the
        // kernel's pool is seeded at boot
        builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes");
        // the MongoDB driver guards its own channel state with a lock held for a few instructions
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "withLock");
        // Jackson builds a type's deserializer once under a lock; requests racing on a type's first use wait for it
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        // the validator reads its message bundle from the classpath once, then serves it from memory
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
                "loadBundle");
    }
}
