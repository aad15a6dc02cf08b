package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the report page asks before a complaint is sent, as a stranger may ask it: the reports nearby are only the
 * open published ones of the category within 200 m, and a complaint joins only such a report, answered alike
 * whether it joined or not. Each report here is taken out of the working set the registration's own same-incident
 * check reads as soon as it is made, as if it were older than that check's 48 hours, so that a link can come from
 * the join alone. The complaints' limit per address is set out of the way.
 */
@HubIntegrationTest(database = "intake-report-page-it", properties = "hotline.intake.limits.complaints-per-address=1000")
class ReportPageEndpointsIT {

    static final double LAT = 26.5800;
    static final double LON = 106.7200;
    /** About 400 m north of the point. */
    static final double FAR_LAT = 26.5836;

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ContactSealer sealer;

    @Test
    void listsOnlyOpenPublishedReportsOfTheCategoryWithin200Metres() {
        IntakeTicket listed = report("13700001001", "路口水管爆裂，水一直往外冒", "WATER_SUPPLY", LAT + 0.0004, LON, true);
        IntakeTicket unpublished = report("13700001002", "小区门口水管漏水很严重", "WATER_SUPPLY", LAT, LON, false);
        IntakeTicket otherCategory = report("13700001003", "路边垃圾堆了好几天没人清", "CITY_APPEARANCE", LAT, LON, true);
        IntakeTicket far = report("13700001004", "菜场旁边水管破了在漏水", "WATER_SUPPLY", FAR_LAT, LON, true);
        IntakeTicket closed = report("13700001005", "人行道下面的水管渗水", "WATER_SUPPLY", LAT, LON + 0.0003, true);
        settle(closed);

        String answer = new String(nearby("WATER_SUPPLY", LAT, LON).expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketNumber").isEqualTo(listed.getTicketNumber())
                .jsonPath("$[0].category").isEqualTo("WATER_SUPPLY")
                .jsonPath("$[0].description").isEqualTo("路口水管爆裂，水一直往外冒")
                .jsonPath("$[0].metres").value(metres -> assertThat(((Number) metres).intValue()).isBetween(0, 200))
                .returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        // nothing that identifies the citizen or the exact place
        assertThat(answer).doesNotContain("13700001001", "137****", "phone", "address", "\"lat\"", "\"lon\"",
                "\"id\"");
        for (IntakeTicket hidden : List.of(unpublished, otherCategory, far, closed)) {
            assertThat(answer).doesNotContain(hidden.getTicketNumber());
        }
        // the other category's report is found under its own category, the far one from where it is
        nearby("CITY_APPEARANCE", LAT, LON).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketNumber").isEqualTo(otherCategory.getTicketNumber());
        nearby("WATER_SUPPLY", FAR_LAT, LON).expectStatus().isOk().expectBody()
                .jsonPath("$[0].ticketNumber").isEqualTo(far.getTicketNumber());
    }

    @Test
    void joinsOnlyAnOpenPublishedReportOfTheCategoryWithin200MetresAndAnswersAlikeOtherwise() {
        double lat = LAT + 0.01;
        IntakeTicket open = report("13700002001", "井盖下面的水管在往外冒水", "WATER_SUPPLY", lat, LON, true);
        IntakeTicket unpublished = report("13700002002", "楼下的水管漏了一地的水", "WATER_SUPPLY", lat, LON, false);
        IntakeTicket closed = report("13700002003", "消防栓旁边水管漏水", "WATER_SUPPLY", lat, LON, true);
        settle(closed);
        IntakeTicket far = report("13700002004", "公交站旁的水管破裂", "WATER_SUPPLY", lat + 0.0036, LON, true);
        IntakeTicket otherCategory = report("13700002005", "井盖旁边的垃圾没人清理", "CITY_APPEARANCE", lat, LON, true);

        String[] refused = {unpublished.getTicketNumber(), closed.getTicketNumber(), far.getTicketNumber(),
                otherCategory.getTicketNumber(), "12345-19990101-0001"};
        for (int i = 0; i < refused.length; i++) {
            Map<String, Object> receipt = joining("1370000210" + i, lat, refused[i], "WATER_SUPPLY", false);
            assertThat(receipt).containsOnlyKeys("ticketNumber", "receivedAt", "lookUp");
            IntakeTicket registered = stored((String) receipt.get("ticketNumber"));
            assertThat(registered.getParentIncidentId()).as("joining " + refused[i]).isNull();
            assertThat(registered.getRepeatOf()).isNull();
            assertThat(registered.getStatus()).isEqualTo("RECEIVED");
            forget(registered);
        }
        // the open published report, but the complaint is of another category or 200 m away: not joined either
        IntakeTicket anotherKind = stored((String) joining("13700002201", lat, open.getTicketNumber(),
                "CITY_APPEARANCE", false).get("ticketNumber"));
        assertThat(anotherKind.getParentIncidentId()).isNull();
        forget(anotherKind);
        IntakeTicket tooFar = stored((String) joining("13700002202", lat + 0.0036, open.getTicketNumber(),
                "WATER_SUPPLY", false).get("ticketNumber"));
        assertThat(tooFar.getParentIncidentId()).isNull();
        forget(tooFar);

        Map<String, Object> receipt = joining("13700002301", lat + 0.0005, open.getTicketNumber(), "WATER_SUPPLY",
                true);
        assertThat(receipt).containsOnlyKeys("ticketNumber", "receivedAt", "lookUp");
        IntakeTicket joined = stored((String) receipt.get("ticketNumber"));
        assertThat(joined.getParentIncidentId()).isEqualTo(open.getId());
        assertThat(joined.getStatus()).isEqualTo("LINKED");
        // a report that joined another is not offered to be joined in turn
        nearby("WATER_SUPPLY", lat, LON).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketNumber").isEqualTo(open.getTicketNumber());
    }

    @Test
    void refusesBadInputWithProblemsAndStoresNothing() {
        web.post().uri("/api/v1/public/reports/nearby").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\":\"NOT_A_KIND\",\"location\":{\"lat\":26.58,\"lon\":106.72}}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[0].code").isEqualTo("unknown");
        for (String body : List.of("{\"category\":\"WATER_SUPPLY\"}",
                "{\"category\":\"WATER_SUPPLY\",\"location\":{\"lat\":91,\"lon\":106.72}}",
                "{\"category\":\"WATER_SUPPLY\",\"location\":{\"lat\":\"NaN\",\"lon\":106.72}}",
                "{\"category\":\"water\",\"location\":{\"lat\":26.58,\"lon\":106.72}}", "not json")) {
            web.post().uri("/api/v1/public/reports/nearby").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.post().uri("/api/v1/public/categories/suggest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\" \"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");

        // a malformed report to join is refused with the rest of the form, and nothing is registered
        web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"phone":"13700003001","description":"路口水管爆裂了","category":"WATER_SUPPLY",
                         "location":{"lat":26.58,"lon":106.72},"joins":"12345-abc"}""").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[?(@.field == 'joins')].code").isEqualTo("format");
        String phoneHash = sealer.hash(PhoneNumbers.toE164("13700003001").orElseThrow());
        assertThat(mongo.count(Query.query(Criteria.where("phoneHash").is(phoneHash)), IntakeTicket.class).block())
                .isZero();
    }

    @Test
    void suggestsACategoryAndNamesTheCitysCategories() {
        web.get().uri("/api/v1/public/categories").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.code == 'WATER_SUPPLY')].zh").isNotEmpty()
                .jsonPath("$[?(@.code == 'WATER_SUPPLY')].en").isNotEmpty();
        web.post().uri("/api/v1/public/categories/suggest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"小区停水了，水管爆裂\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.choices").isArray()
                .jsonPath("$.choices[0].category").isNotEmpty();
    }

    private WebTestClient.ResponseSpec nearby(String category, double lat, double lon) {
        return web.post().uri("/api/v1/public/reports/nearby").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", category, "location", Map.of("lat", lat, "lon", lon))).exchange();
    }

    /** A complaint from the form, taken out of the same-incident working set at once. */
    private IntakeTicket report(String phone, String description, String category, double lat, double lon,
            boolean publish) {
        Map<String, Object> receipt = complain(Map.of("phone", phone, "description", description,
                "category", category, "location", Map.of("lat", lat, "lon", lon), "publish", publish));
        IntakeTicket ticket = stored((String) receipt.get("ticketNumber"));
        assertThat(ticket.isPublished()).isEqualTo(publish);
        forget(ticket);
        return ticket;
    }

    private Map<String, Object> joining(String phone, double lat, String joins, String category,
            boolean publish) {
        return complain(Map.of("phone", phone, "description", "这里的问题和附近那件是同一个",
                "category", category, "location", Map.of("lat", lat, "lon", LON), "publish", publish,
                "joins", joins));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> complain(Map<String, Object> body) {
        return web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    }

    private IntakeTicket stored(String ticketNumber) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .blockOptional().orElseThrow();
    }

    /** The report as routing leaves it when it is closed. */
    private void settle(IntakeTicket ticket) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.getId())), Update.update("status", "CLOSED"),
                IntakeTicket.class).block();
    }

    /**
     * Out of the same-incident working set (the map cell of its category it lies in, as the registration keys it), as
     * a report older than the check's window is.
     */
    private void forget(IntakeTicket ticket) {
        String cell = ticket.getCategory() + "|" + (long) Math.floor(ticket.getLat() / 0.0018) + "|"
                + (long) Math.floor(ticket.getLon() / 0.0036);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cell)),
                new Update().pull("reports", new Document("ticketId", ticket.getId())), "open_incidents").block();
    }
}
