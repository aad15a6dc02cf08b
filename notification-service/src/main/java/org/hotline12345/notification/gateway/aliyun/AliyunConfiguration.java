package org.hotline12345.notification.gateway.aliyun;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline12345.notification.gateway.ProviderResilience;
import org.hotline12345.notification.gateway.SmsProviderProperties;
import org.hotline12345.referencedata.City;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Alibaba Cloud SMS as the gateway, with {@code HOTLINE_SMS_GATEWAY=aliyun}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "aliyun")
class AliyunConfiguration {

    static final String FOLLOW_LINK = "followLink";

    @Bean
    ProviderResilience aliyunProviderResilience(SmsProviderProperties provider) {
        return new ProviderResilience(provider, AliyunSmsGateway::providerFault);
    }

    /**
     * The gateway, once every text the city's templates can make has an approved template code and the account is
     * set: a missing one would otherwise fail only when that text is first due, as a text nobody gets. A template
     * that carries the whole follow link as one variable is refused too: the provider's limit on a variable's length
     * would cut it, and the citizen would get a link that leads nowhere.
     */
    @Bean
    AliyunSmsGateway aliyunSmsGateway(WebClient.Builder builder, SmsProviderProperties provider,
            AliyunProperties settings, ProviderResilience resilience, JsonMapper json, Clock clock, City city) {
        List<String> missing = new ArrayList<>();
        Map<String, String> codes = settings.codes();
        city.smsTemplates().forEach((trigger, languages) -> languages.keySet().stream()
                .map(language -> trigger + "." + language)
                .filter(text -> !codes.containsKey(text))
                .forEach(missing::add));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("HOTLINE_SMS_TEMPLATE_CODES has no Alibaba Cloud template code for "
                    + String.join(", ", missing));
        }
        List<String> linked = new ArrayList<>();
        city.smsTemplates().forEach((trigger, languages) -> languages.forEach((language, text) -> {
            if (text.contains("{" + FOLLOW_LINK + "}")) {
                linked.add(trigger + "." + language);
            }
        }));
        if (!linked.isEmpty()) {
            throw new IllegalStateException("Alibaba Cloud refuses template variables over "
                    + settings.maxVariableLength() + " characters and a follow link is longer, so {" + FOLLOW_LINK
                    + "} would reach the citizen cut short: in sms-templates.json write the city's address and "
                    + "{ticketNumber}.{followToken} instead (as the template registered with Alibaba Cloud does), in "
                    + String.join(", ", linked));
        }
        if (settings.signName().isBlank() || provider.apiKey().isBlank() || provider.secret().isBlank()) {
            throw new IllegalStateException("Alibaba Cloud SMS needs HOTLINE_SMS_SIGN_NAME, HOTLINE_SMS_API_KEY (the "
                    + "AccessKey ID) and HOTLINE_SMS_SECRET (its secret)");
        }
        return new AliyunSmsGateway(builder, provider, settings, resilience, json, clock);
    }
}
