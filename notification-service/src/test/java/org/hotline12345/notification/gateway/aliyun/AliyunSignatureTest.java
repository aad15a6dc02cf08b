package org.hotline12345.notification.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V3 signature against the worked example of Alibaba Cloud's "V3 request syntax and signature method". */
class AliyunSignatureTest {

    @Test
    void signsTheDocumentationsFixedExampleToItsPublishedSignature() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", AliyunSignature.EMPTY_BODY_SHA256);
        // not signed: only host, content-type and x-acs- headers are
        headers.put("Accept", "application/json");

        String authorization = AliyunSignature.authorization("YourAccessKeyId", "YourAccessKeySecret", "POST", "/",
                Map.of("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId", "cn-shanghai"),
                headers, AliyunSignature.EMPTY_BODY_SHA256);

        assertThat(AliyunSignature.EMPTY_BODY_SHA256)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(authorization).isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;"
                + "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }

    @Test
    void encodesTheQueryAsRfc3986WhatUrlFormEncodingWouldGetWrong() {
        assertThat(AliyunSignature.canonicalQuery(Map.of("TemplateParam", "{\"name\":\"张 三*\"}",
                "OutId", "t-1:e~1", "PhoneNumbers", "13800000000")))
                .isEqualTo("OutId=t-1%3Ae~1&PhoneNumbers=13800000000&TemplateParam=%7B%22name%22%3A%22"
                        + "%E5%BC%A0%20%E4%B8%89%2A%22%7D");
    }

    @Test
    void givesTheProviderAMainlandNumberWithoutItsCountryCode() {
        assertThat(AliyunSmsGateway.number("+8613812345678")).isEqualTo("13812345678");
        assertThat(AliyunSmsGateway.number("+85291234567")).isEqualTo("85291234567");
    }
}
