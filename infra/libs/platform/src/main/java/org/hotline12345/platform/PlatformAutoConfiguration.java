package org.hotline12345.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds the hub's shared settings; the feature auto-configurations of the platform read them. */
@AutoConfiguration
@EnableConfigurationProperties(HotlineProperties.class)
public class PlatformAutoConfiguration {
}
