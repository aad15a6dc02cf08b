package org.hotline12345.notification.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.hotline12345.notification.gateway.SmsProviderProperties;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** What notification refuses to start with on Alibaba Cloud SMS, naming what the city must change. */
class AliyunConfigurationTest {

    private final SmsProviderProperties account = new SmsProviderProperties("https://dysmsapi.aliyuncs.com",
            "LTAI5tHotlineTest", "aliyun-test-secret-0123456789", Duration.ofSeconds(3), 3, 50, 10, 50,
            Duration.ofSeconds(30));

    @Test
    void refusesTemplatesThatWouldSendTheWholeFollowLinkAsOneVariable() {
        City city = City.sample();

        assertThatThrownBy(() -> gatewayFor(city))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{followLink}")
                .hasMessageContaining("{ticketNumber}.{followToken}")
                .hasMessageContaining("TicketReceived.zh")
                .hasMessageContaining("PublicReceipt.en");
    }

    @Test
    void startsWhenTheTemplatesWriteTheCitysAddressAndTheTokenApart() {
        City city = City.fromFolder(AliyunCity.sampleWithSplitFollowLinks());

        assertThat(gatewayFor(city)).isNotNull();
    }

    private AliyunSmsGateway gatewayFor(City city) {
        String codes = city.smsTemplates().entrySet().stream()
                .flatMap(trigger -> trigger.getValue().keySet().stream().map(language -> trigger.getKey() + "."
                        + language + "=SMS_" + Math.abs((trigger.getKey() + language).hashCode())))
                .collect(Collectors.joining(","));
        AliyunProperties settings = new AliyunProperties("贵阳12345", codes, 35, ZoneId.of("Asia/Shanghai"),
                "push-path-secret-4f1c9e2b7a");
        AliyunConfiguration configuration = new AliyunConfiguration();
        return configuration.aliyunSmsGateway(WebClient.builder(), account, settings,
                configuration.aliyunProviderResilience(account), JsonMapper.builder().build(), Clock.systemUTC(),
                city);
    }
}
