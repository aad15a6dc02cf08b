package org.hotline12345.notification.gateway.aliyun;

import jakarta.validation.constraints.Positive;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alibaba Cloud SMS, used with {@code hotline.notification.gateway: aliyun}; the API's address and the AccessKey are
 * the provider settings every gateway shares ({@code HOTLINE_SMS_BASE_URL}, {@code HOTLINE_SMS_API_KEY} as the
 * AccessKey ID, {@code HOTLINE_SMS_SECRET} as its secret).
 *
 * @param signName the approved signature (签名) the provider puts in 【】 before every text
 * @param templateCodes the approved template (模板) of each text, {@code Trigger.language=SMS_xxx} comma-separated,
 *     e.g. {@code TicketReceived.zh=SMS_4651001,TicketReceived.en=SMS_4651002}
 * @param maxVariableLength the longest value a template variable may have; longer ones (a unit's reply) are
 *     shortened with an ellipsis, since the provider refuses the whole text otherwise
 * @param zone the provider's calendar, which its send dates are in
 * @param pushSecret the secret of the push addresses entered in the provider's console ({@code ?secret=}): a value
 *     of its own, since it travels in an address, never the webhooks' signing key
 */
@Validated
@ConfigurationProperties("hotline.notification.aliyun")
public record AliyunProperties(@DefaultValue("") String signName, @DefaultValue("") String templateCodes,
        @Positive @DefaultValue("35") int maxVariableLength, @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("") String pushSecret) {

    /** Template codes by {@code Trigger.language}. */
    public Map<String, String> codes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : templateCodes.split(",")) {
            String[] pair = entry.split("=", 2);
            if (pair.length == 2 && !pair[0].isBlank() && !pair[1].isBlank()) {
                codes.put(pair[0].strip(), pair[1].strip());
            }
        }
        return codes;
    }
}
