package org.hotline12345.notification.gateway.aliyun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The sample city's folder as a city on Alibaba Cloud SMS writes it: each follow link as the city's address with
 * {@code {ticketNumber}.{followToken}} after it, since the provider cuts a variable as long as a whole link.
 */
final class AliyunCity {

    static final String FOLLOW_ADDRESS = "https://12345.example.gov.cn/t/{ticketNumber}.{followToken}";

    private AliyunCity() {
    }

    static Path sampleWithSplitFollowLinks() {
        try {
            Path folder = Files.createTempDirectory("aliyun-city");
            folder.toFile().deleteOnExit();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:reference-data/*")) {
                try (InputStream in = file.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if ("sms-templates.json".equals(file.getFilename())) {
                        text = text.replace("{" + AliyunConfiguration.FOLLOW_LINK + "}", FOLLOW_ADDRESS);
                    }
                    Path copy = folder.resolve(file.getFilename());
                    Files.writeString(copy, text, StandardCharsets.UTF_8);
                    copy.toFile().deleteOnExit();
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
