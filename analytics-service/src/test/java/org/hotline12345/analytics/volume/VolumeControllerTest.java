package org.hotline12345.analytics.volume;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.platform.PlatformAutoConfiguration;
import org.hotline12345.platform.problem.ProblemAutoConfiguration;
import org.hotline12345.platform.security.SecurityAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The volume controller alone: the period and bucketing it asks for, and the CSV it writes. The counts themselves
 * are proven against the real broker and database in {@code OverviewIT}.
 */
@WebFluxTest(VolumeController.class)
@ImportAutoConfiguration({PlatformAutoConfiguration.class, ProblemAutoConfiguration.class,
        SecurityAutoConfiguration.class})
class VolumeControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @MockitoBean
    VolumeQuery volume;
    @MockitoBean
    CityCalendar calendar;
    @MockitoBean
    ReactiveJwtDecoder tokens;
    WebTestClient web;

    @BeforeEach
    void today(@Autowired ApplicationContext context) {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ANALYST")));
        given(calendar.today()).willReturn(TODAY);
        given(volume.of(any(), any())).willReturn(Mono.just(new Volume(TODAY, TODAY, "hour", 3,
                TODAY.minusDays(1), TODAY.minusDays(1), 1, 200.0, List.of(
                        new Bucket("09", 2, Map.of("NOISE", 2L)), new Bucket("12", 1, Map.of("NOISE", 1L))))));
    }

    @Test
    void asksForTodayByHourWhenNothingIsSaid() {
        web.get().uri("/api/v1/analytics/volume").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tickets").isEqualTo(3).jsonPath("$.changePercent").isEqualTo(200.0);

        verify(volume).of(new DayRange(TODAY, TODAY), VolumeQuery.BucketBy.HOUR);
    }

    @Test
    void writesOneCsvRowPerBucketAndCategory() {
        web.get().uri("/api/v1/analytics/volume?by=day&from=2026-11-01&to=2026-11-17").header("Accept", "text/csv")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("""
                        day,category,tickets
                        09,NOISE,2
                        12,NOISE,1
                        """);

        verify(volume).of(new DayRange(LocalDate.of(2026, 11, 1), TODAY), VolumeQuery.BucketBy.DAY);
    }

    @Test
    void refusesAnUnknownBucketingOrAPeriodOverAYearWithoutCounting() {
        web.get().uri("/api/v1/analytics/volume?by=week").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        web.get().uri("/api/v1/analytics/volume?from=2024-01-01&to=2026-01-01").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");

        verifyNoInteractions(volume);
    }
}
