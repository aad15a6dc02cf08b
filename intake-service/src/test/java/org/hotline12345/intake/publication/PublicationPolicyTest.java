package org.hotline12345.intake.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationPolicyTest {

    @Test
    void publishesOnlyPublicChannelsWhoseReporterAgreed() {
        assertThat(PublicationPolicy.mayPublish("WEB", true)).isTrue();
        assertThat(PublicationPolicy.mayPublish("OPEN311", true)).isTrue();
        assertThat(PublicationPolicy.mayPublish("OPEN311", false)).isFalse();
        assertThat(PublicationPolicy.mayPublish("PHONE", true)).isFalse();
        assertThat(PublicationPolicy.mayPublish("GRID", true)).isFalse();
    }

    @Test
    void roundsAPointToAboutAHundredMetres() {
        assertThat(PublicationPolicy.coarse(26.57849)).isEqualTo(26.578);
        assertThat(PublicationPolicy.coarse(106.71351)).isEqualTo(106.714);
        assertThat(PublicationPolicy.coarse(null)).isNull();
    }

    @Test
    void masksPhoneAndIdentityNumbersButKeepsHouseNumbersAndTimes() {
        assertThat(PublicationPolicy.description("请回电 13900003110 或 139 0000 3110，身份证 520102199001011234"))
                .isEqualTo("请回电 *** 或 ***，身份证 ***");
        assertThat(PublicationPolicy.description("中华北路18号门口，晚上22点后很吵")).isEqualTo("中华北路18号门口，晚上22点后很吵");
    }

    @Test
    void showsTheReplyOnlyWhenTheUnitMadeItPublic() {
        assertThat(PublicationPolicy.reply("已处理", true)).isEqualTo("已处理");
        assertThat(PublicationPolicy.reply("已处理，王先生", false)).isNull();
    }
}
