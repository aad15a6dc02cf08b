package org.hotline12345.analytics.rates;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.platform.PlatformAutoConfiguration;
import org.hotline12345.platform.problem.ProblemAutoConfiguration;
import org.hotline12345.platform.security.SecurityAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The rates controller alone: what it asks the queries for each request, and what it answers without asking them.
 * The figures themselves are proven against the real broker and database in {@link RatesIT}.
 */
@WebFluxTest(RatesController.class)
@ImportAutoConfiguration({PlatformAutoConfiguration.class, ProblemAutoConfiguration.class,
        SecurityAutoConfiguration.class})
class RatesControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @MockitoBean
    RateQueries queries;
    @MockitoBean
    CityCalendar calendar;
    @MockitoBean
    ReactiveJwtDecoder tokens;
    WebTestClient web;

    @BeforeEach
    void today(@Autowired ApplicationContext context) {
        // the mock token is handed to the security filters by the configurer this binding applies
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
        given(calendar.today()).willReturn(TODAY);
        given(calendar.thisMonth()).willReturn(YearMonth.from(TODAY));
        given(queries.counts(any(), any(), any())).willReturn(Mono.just(List.of(
                new RateCounts("URBAN_MGMT", "2026-11", 10, 8, 6, 4, 3, 2, 5))));
        given(queries.ranking(any())).willReturn(Mono.just(List.of(new RankingEntry(1, "URBAN_MGMT", "城管局", 71.5,
                75.0, 75.0, 50.0, 8, 5, 4, 2, 3.5))));
    }

    @Test
    void asksForThisMonthSoFarByUnitWhenNothingIsSaid() {
        analyst().get().uri("/api/v1/analytics/rates").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].group").isEqualTo("URBAN_MGMT")
                .jsonPath("$[0].responseRate").isEqualTo(75.0)
                .jsonPath("$[0].composite").isEqualTo(63.75);

        verify(queries).counts(Dimension.UNIT, Period.MONTH, new DayRange(LocalDate.of(2026, 11, 1), TODAY));
    }

    @Test
    void passesTheGroupingPeriodAndDaysAsked() {
        analyst().get().uri("/api/v1/analytics/rates?groupBy=district&period=week&from=2026-10-05&to=2026-10-18")
                .exchange().expectStatus().isOk();

        verify(queries).counts(Dimension.DISTRICT, Period.WEEK,
                new DayRange(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 18)));
    }

    @Test
    void ranksThisMonthByDefaultAndAnswersCsvWhenAsked() {
        analyst().get().uri("/api/v1/analytics/ranking").header("Accept", "text/csv").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).isEqualTo("""
                        rank,unitId,unitName,composite,responseRate,resolutionRate,satisfactionRate,assigned,resolved,\
                        rated,previousRank,compositeChange
                        1,URBAN_MGMT,城管局,71.5,75.0,75.0,50.0,8,5,4,2,3.5
                        """);

        verify(queries).ranking(YearMonth.of(2026, 11));
    }

    @Test
    void refusesBadParametersWithAProblemWithoutAskingTheQueries() {
        for (String uri : List.of("/api/v1/analytics/ranking?month=2026-13", "/api/v1/analytics/rates?period=year",
                "/api/v1/analytics/rates?from=2026-01-01&to=2027-06-30", "/api/v1/analytics/rates?from=yesterday")) {
            analyst().get().uri(uri).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }

        verifyNoInteractions(queries);
    }

    @Test
    void answersAnalystsOnly() {
        web.get().uri("/api/v1/analytics/rates").exchange().expectStatus().isUnauthorized();
        web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"))).get()
                .uri("/api/v1/analytics/rates").exchange().expectStatus().isForbidden();

        verifyNoInteractions(queries);
    }

    private WebTestClient analyst() {
        return web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ANALYST")));
    }
}
