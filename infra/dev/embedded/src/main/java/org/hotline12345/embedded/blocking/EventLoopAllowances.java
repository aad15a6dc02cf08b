package org.hotline12345.embedded.blocking;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass on a non-blocking thread in the services' tests, each for a reason; anything else
 * that blocks an event loop fails the test that caused it. A blocking call fails where it is made, as BlockHound
 * does by default, except a wait for a lock: BlockHound would throw from inside the lock's acquire, and the JDK's
 * locks do not recover from that (the waiter stays queued, the lock reads as free, and every later reader waits for
 * ever: a test JVM hung so on Spring Data's mapping lock when two parallel threads first used a type at once). Such
 * a wait is let through and kept ({@link EventLoopWaits}), and {@link EventLoopWaitsCheck} fails the test.
 */
public class EventLoopAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.blockingMethodCallback(EventLoopAllowances::blocked);
        // random ticket ids and the nonces that seal contacts read /dev/urandom, which never blocks once the
        // kernel's pool is seeded at boot
        builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes");
        // the MongoDB driver guards its own channel state and its cluster clock with locks held for a few
        // instructions; an event loop waits on one only while another thread holds it (seen under concurrent writes)
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "withLock");
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "withInterruptibleLock");
        // the SMS provider's circuit breaker records each outcome in its sliding window under a lock held for a few
        // instructions (seen when several sends failed at once)
        builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics",
                "record");
        builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics",
                "getSnapshot");
        // Jackson builds a type's deserializer once under a lock; requests racing on a type's first use wait for it
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        // the validator reads its message bundle from the classpath once, then serves it from memory
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
                "loadBundle");
        // the validator builds a bean's constraint metadata once and caches it under a segment lock; two requests
        // racing on a type's first validation wait for each other (seen when two supervisors decided at once)
        builder.allowBlockingCallsInside("org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl",
                "getBeanMetaData");
        // Spring's Netty buffer factory takes a stamped lock for a few instructions on each allocation; an event
        // loop waits on it only while another thread allocates (seen when the hostile-input test's requests raced)
        builder.allowBlockingCallsInside("org.springframework.core.io.buffer.NettyDataBufferFactory",
                "allocateBuffer");
        // springdoc builds a service's OpenAPI document once, scanning the classpath for its definition, then
        // serves it from memory; the services build it at start-up (springdoc.pre-loading-enabled), so only a
        // request racing that start-up builds it on an event loop
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
        // Spring Data caches a type's mapping once under a lock; queries racing on a type's first use wait for it
        builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                "getPersistentEntity");
        builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                "addPersistentEntity");
        // Netty's pooled allocator returns a buffer to its magazine under a stamped lock held for a few instructions
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }

    private static void blocked(BlockingMethod method) {
        if (method.getClassName().replace('/', '.').equals("jdk.internal.misc.Unsafe")
                && method.getName().equals("park")) {
            EventLoopWaits.report(method.toString());
            return;
        }
        throw new BlockingOperationError(method);
    }
}
