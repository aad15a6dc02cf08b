package org.hotline12345.notification.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/** Every parameter of a call to Alibaba Cloud, the citizen's number too, is in its query: traces never get it. */
class AliyunTracesTest {

    @Test
    void namesTheProvidersAddressWithoutTheQuery() {
        ClientRequest.Builder request = ClientRequest.create(HttpMethod.POST,
                URI.create("https://dysmsapi.aliyuncs.com/?OutId=t-1&PhoneNumbers=13800138000&TemplateCode=SMS_1"));
        ClientRequestObservationContext context = new ClientRequestObservationContext(request);
        context.setRequest(request.build());

        assertThat(new AliyunSmsGateway.WithoutQuery().getHighCardinalityKeyValues(context).stream()
                .map(KeyValue::getValue)).contains("https://dysmsapi.aliyuncs.com/")
                .noneMatch(value -> value.contains("13800138000"));
    }
}
