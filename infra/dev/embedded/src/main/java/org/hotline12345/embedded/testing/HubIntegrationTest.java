package org.hotline12345.embedded.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An integration test of a service: the whole service on a random port, a {@code WebTestClient} for it, pointed at
 * the shared Kafka broker, MongoDB server and signing keys ({@code SharedTestInfrastructure}) with a database of
 * its own, and its context closed after the class so that its consumers leave their groups.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
public @interface HubIntegrationTest {

    /** The test class's own MongoDB database, so that classes never see each other's data. */
    String database();

    /** Further properties of the service under test, as {@code key=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
