package org.hotline12345.intake.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.Rational;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Tickets' photos as staff and the citizen who follows the ticket add and read them: kept without the location and
 * camera data they were sent with, turned upright, refused with a problem and nothing stored when they are not a
 * photo the hub takes, not found by whoever may not read the ticket, and shown to the citizen only as far as they
 * are meant for them. Limits per address are set out of the way; a ticket takes two photos of each kind.
 */
@HubIntegrationTest(database = "intake-photos-it", properties = {"hotline.intake.photos.per-kind=2",
        "hotline.intake.photos.views-per-address=1000", "hotline.intake.photos.uploads-per-address=1000"})
class PhotosIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    private static final String UNIT = "WATER_CO";
    /** The unit that supports the water company (协办) where a test says so. */
    private static final String SUPPORTING = "URBAN_MGMT";
    /** The camera's maker as the photo's EXIF names it, to be looked for in what is kept. */
    private static final String MAKER = "HotlineTestCam";

    @Test
    void keepsNeitherLocationNorCameraDataInThePhotoOrItsThumbnailAndTurnsItUpright() throws IOException {
        TicketReceipt ticket = assigned("13700000501");
        byte[] sent = jpegWithGpsExif(64, 32, 6);
        assertThat(gpsOf(sent)).as("the photo as sent carries its place").isNotNull();

        Map<?, ?> photo = add(ticket.ticketId(), "AFTER", sent, unit(UNIT)).expectStatus().isCreated()
                .expectHeader().exists("Location").expectBody(Map.class).returnResult().getResponseBody();
        // EXIF orientation 6: the camera was held turned, the photo is kept as it was seen
        assertThat(photo.get("kind")).isEqualTo("AFTER");
        assertThat(photo.get("width")).isEqualTo(32);
        assertThat(photo.get("height")).isEqualTo(64);

        byte[] kept = read(photo.get("href").toString(), unit(UNIT));
        byte[] thumbnail = read(photo.get("thumbnailHref").toString(), unit(UNIT));
        for (byte[] stored : List.of(kept, thumbnail)) {
            assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
            assertThat(appSegments(stored)).as("metadata segments kept").allSatisfy(segment ->
                    assertThat(segment.marker()).isEqualTo(JPEG.APP0));
            assertThat(gpsOf(stored)).isNull();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(MAKER, "Exif");
        }
        // and what GridFS holds for the ticket is those two files, nothing of the original's metadata either
        List<org.bson.Document> files = mongo.find(Query.query(Criteria.where(PhotoStore.TICKET)
                .is(ticket.ticketId())), org.bson.Document.class, PhotoStore.FILES).collectList().block();
        assertThat(files).hasSize(1);
        assertThat(files).noneSatisfy(file -> assertThat(file.toJson()).contains(MAKER));
    }

    @Test
    void refusesWhatIsNotAPhotoItTakesWithAProblemAndStoresNothing() throws IOException {
        TicketReceipt ticket = assigned("13700000502");
        long filesBefore = fileCount();

        // declared a JPEG, is a GIF: the bytes decide
        byte[] gif = image("gif", 8, 8);
        refused(add(ticket.ticketId(), "BEFORE", gif, unit(UNIT)), "format");
        // over 10 MB, though within the request's bound
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(jpegWithGpsExif(8, 8, 1), 0, huge, 0, 100);
        refused(add(ticket.ticketId(), "BEFORE", huge, unit(UNIT)), "size");
        // a few hundred bytes that claim 100,000 × 100,000 pixels, ten gigapixels once decoded
        refused(add(ticket.ticketId(), "BEFORE", pixelBomb(100_000, 100_000), unit(UNIT)), "range");
        // a JPEG's first bytes and then nothing an image is made of
        byte[] broken = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2_000);
        Arrays.fill(broken, 4, broken.length, (byte) 0x55);
        refused(add(ticket.ticketId(), "BEFORE", broken, unit(UNIT)), "invalid");

        // text where the file belongs, and no photo at all
        MultipartBodyBuilder text = new MultipartBodyBuilder();
        text.part("photo", "not a photo");
        refused(web.post().uri(PhotoController.PATH + "?kind=BEFORE", ticket.ticketId()).headers(unit(UNIT))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(text.build()))
                .exchange(), "format");
        MultipartBodyBuilder none = new MultipartBodyBuilder();
        none.part("note", "where is the photo");
        web.post().uri(PhotoController.PATH + "?kind=BEFORE", ticket.ticketId()).headers(unit(UNIT))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(none.build()))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(fileCount()).isEqualTo(filesBefore);
        assertThat(list(ticket.ticketId(), unit(UNIT))).isEmpty();
    }

    @Test
    void answersStrangersAsIfTheTicketDidNotExist() throws IOException {
        TicketReceipt ticket = assigned("13700000503");
        add(ticket.ticketId(), "BEFORE", jpegWithGpsExif(16, 16, 1), unit(UNIT)).expectStatus().isCreated();
        String missing = "00000000-0000-0000-0000-000000000000";

        String otherUnit = web.get().uri(PhotoController.PATH, ticket.ticketId()).headers(unit("GAS_CO"))
                .exchange().expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        String noTicket = web.get().uri(PhotoController.PATH, missing).headers(unit("GAS_CO"))
                .exchange().expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(withoutInstance(otherUnit)).isEqualTo(withoutInstance(noTicket));
        add(ticket.ticketId(), "AFTER", jpegWithGpsExif(16, 16, 1), unit("GAS_CO")).expectStatus().isNotFound();
        // the centre reads it; an operator attaches only what the caller sent
        assertThat(list(ticket.ticketId(), staff("SUPERVISOR"))).hasSize(1);
        add(ticket.ticketId(), "AFTER", jpegWithGpsExif(16, 16, 1), staff("OPERATOR")).expectStatus().isForbidden();

        // through the follow links: a wrong token answers as the look-up does for a ticket that does not exist
        String wrongToken = citizenList(ticket.ticketNumber(), "AAAAAAAAAAAAAAAA")
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        String unknown = citizenList("12345-19990101-0001", tokens.tokenFor("12345-19990101-0001"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(withoutInstance(wrongToken)).isEqualTo(withoutInstance(unknown));
        citizenAdd(ticket.ticketNumber(), "AAAAAAAAAAAAAAAA", jpegWithGpsExif(16, 16, 1)).expectStatus()
                .isNotFound();
        assertThat(list(ticket.ticketId(), unit(UNIT))).hasSize(1);
    }

    @Test
    void showsASupportingUnitThePhotosWhileItsPartStandsAndLetsItAddNone() throws IOException {
        TicketReceipt ticket = assigned("13700000520", List.of(SUPPORTING));
        add(ticket.ticketId(), "CALLER", jpegWithGpsExif(24, 16, 1), staff("OPERATOR")).expectStatus().isCreated();
        add(ticket.ticketId(), "BEFORE", jpegWithGpsExif(16, 16, 1), unit(UNIT)).expectStatus().isCreated();

        List<Map<?, ?>> seen = list(ticket.ticketId(), unit(SUPPORTING));
        assertThat(seen.stream().map(photo -> String.valueOf(photo.get("kind")))).containsExactly("CALLER", "BEFORE");
        assertThat(ImageIO.read(new ByteArrayInputStream(read((String) seen.get(0).get("href"),
                unit(SUPPORTING)))).getWidth()).isEqualTo(24);
        assertThat(read((String) seen.get(1).get("thumbnailHref"), unit(SUPPORTING))).isNotEmpty();
        // the part is the supporting unit's own business; the place's photos are the lead's to add
        add(ticket.ticketId(), "AFTER", jpegWithGpsExif(16, 16, 1), unit(SUPPORTING)).expectStatus().isForbidden();
        assertThat(list(ticket.ticketId(), staff("SUPERVISOR"))).hasSize(2);

        // from the lead's return until the centre gives the ticket back, the part may be gone: nothing is shown
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publish(new TicketRejected(EventIds.of(ticket.ticketId(), "TicketRejected", 1), now,
                ticket.ticketId(), UNIT, "NOT_OURS", "不是供水问题"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listStatus(ticket.ticketId(), unit(SUPPORTING)) == 404);
        assertThat(list(ticket.ticketId(), unit(UNIT))).hasSize(2);
        topics.publish(new ReturnRejected(EventIds.of(ticket.ticketId(), "ReturnRejected", 1), now.plusSeconds(1),
                ticket.ticketId(), UNIT, "属供水公司职责", "supervisor", "ASSIGNED", now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofDays(3))));
        await().atMost(Duration.ofSeconds(30)).until(() -> listStatus(ticket.ticketId(), unit(SUPPORTING)) == 200);

        // dispatched again without it, the ticket is as unknown to it as to any stranger
        topics.publish(assignment(ticket, 2, now.plusSeconds(2), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> listStatus(ticket.ticketId(), unit(SUPPORTING)) == 404);
        String notItsPart = web.get().uri((String) seen.get(0).get("href")).headers(unit(SUPPORTING)).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        String noTicket = web.get().uri(PhotoController.PATH, "00000000-0000-0000-0000-000000000000")
                .headers(unit(SUPPORTING)).exchange().expectStatus().isNotFound().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(withoutInstance(notItsPart)).isEqualTo(withoutInstance(noTicket));
        assertThat(list(ticket.ticketId(), unit(UNIT))).hasSize(2);
    }

    @Test
    void showsTheCitizenTheUnitsAfterPhotosAndTheirOwnOnly() throws IOException {
        TicketReceipt ticket = assigned("13700000504");
        String number = ticket.ticketNumber();
        String token = tokens.tokenFor(number);
        Map<?, ?> before = add(ticket.ticketId(), "BEFORE", jpegWithGpsExif(40, 30, 1), unit(UNIT))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> after = add(ticket.ticketId(), "AFTER", jpegWithGpsExif(40, 30, 1), unit(UNIT))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        add(ticket.ticketId(), "CALLER", image("png", 30, 20), staff("OPERATOR")).expectStatus().isCreated();
        citizenAdd(number, token, image("png", 20, 20)).expectStatus().isCreated().expectBody()
                .jsonPath("$.kind").isEqualTo("CALLER");
        // two of a kind is this ticket's share
        citizenAdd(number, token, image("png", 20, 20)).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("transition");

        List<Map<?, ?>> seen = citizenList(number, token)
                .expectStatus().isOk().expectHeader().value("Cache-Control", value -> assertThat(value)
                        .contains("no-store"))
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().<Map<?, ?>>map(m -> m).toList();
        assertThat(seen).extracting(photo -> String.valueOf(photo.get("kind"))).containsExactlyInAnyOrder("AFTER", "CALLER",
                "CALLER");
        // no address that would carry the link's token into a log or a history
        assertThat(seen).allSatisfy(photo -> assertThat(photo.get("href")).isNull());
        Map<?, ?> afterSeen = seen.stream().filter(photo -> "AFTER".equals(photo.get("kind"))).findFirst()
                .orElseThrow();
        assertThat(afterSeen.get("id")).isEqualTo(after.get("id"));
        citizenRead(number, token, afterSeen.get("id"), true).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        citizenRead(number, token, afterSeen.get("id"), false).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG);
        // the unit's before photo is the staff's: not found through the link, nor its thumbnail
        citizenRead(number, token, before.get("id"), false).expectStatus().isNotFound();
        citizenRead(number, token, before.get("id"), true).expectStatus().isNotFound();
        // nor is another ticket's photo under this ticket's link
        TicketReceipt other = assigned("13700000505");
        Map<?, ?> othersAfter = add(other.ticketId(), "AFTER", jpegWithGpsExif(16, 16, 1), unit(UNIT))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        citizenRead(number, token, othersAfter.get("id"), false).expectStatus().isNotFound();
        // staff see them all
        assertThat(list(ticket.ticketId(), staff("OPERATOR"))).extracting(photo -> String.valueOf(photo.get("kind")))
                .containsExactlyInAnyOrder("BEFORE", "AFTER", "CALLER", "CALLER");
    }

    @Test
    void showsThePhotosAPublishedReportsReporterSentToAnyoneAsItsOpen311MediaAndNothingElse() throws IOException {
        String published = complaint("13700000610", true);
        String unpublished = complaint("13700000611", false);
        assertThat(open311(published).get("media_url")).isNull();
        // what an operator attached for the caller is the staff's: the reporter published their report, not it
        String publishedId = mongo.findOne(Query.query(Criteria.where("ticketNumber").is(published)),
                IntakeTicket.class).block().getId();
        Map<?, ?> attached = add(publishedId, "CALLER", jpegWithGpsExif(40, 30, 1), staff("OPERATOR"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(open311(published).get("media_url")).isNull();
        Map<?, ?> own = citizenAdd(published, tokens.tokenFor(published), jpegWithGpsExif(48, 24, 1))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> hidden = citizenAdd(unpublished, tokens.tokenFor(unpublished), jpegWithGpsExif(48, 24, 1))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        // the photo the reporter sent, by an address anyone can open
        String media = (String) open311(published).get("media_url");
        assertThat(media).isEqualTo("/api/v1/public/published/" + published + "/photos/" + own.get("id"));
        byte[] shown = web.get().uri(media).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("public"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(shown, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(MAKER);
        assertThat(ImageIO.read(new ByteArrayInputStream(shown)).getWidth()).isEqualTo(48);

        // an unpublished ticket's photo, or a published photo under another number, is not found, alike
        web.get().uri("/api/v1/public/published/" + unpublished + "/photos/" + hidden.get("id")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/public/published/" + published + "/photos/" + hidden.get("id")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/public/published/" + unpublished + "/photos/" + own.get("id")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/public/published/" + published + "/photos/" + attached.get("id")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/public/published/" + published + "/photos/not-an-id").exchange()
                .expectStatus().isNotFound();
    }

    /** A complaint from the website's form, published when its reporter agrees; its number. */
    private String complaint(String phone, boolean publish) {
        return (String) web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "description", "人行道上的井盖缺了一块，晚上看不见很危险",
                        "location", Map.of("lat", 26.5770, "lon", 106.7120), "category", "CITY_APPEARANCE",
                        "publish", publish))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()
                .get("ticketNumber");
    }

    private Map<?, ?> open311(String number) {
        return web.get().uri("/open311/v2/requests/{number}.json", number).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().get(0);
    }

    private WebTestClient.ResponseSpec add(String ticketId, String kind, byte[] bytes,
            java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) {
        return web.post().uri(PhotoController.PATH + "?kind={kind}", ticketId, kind).headers(auth)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form(bytes)))
                .exchange();
    }

    private WebTestClient.ResponseSpec citizenAdd(String number, String token, byte[] bytes) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("ticketNumber", number);
        form.part("token", token);
        form.part("photo", bytes).filename("IMG_0001.jpg").contentType(MediaType.IMAGE_JPEG);
        return web.post().uri(FollowedPhotoController.PATH).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    private WebTestClient.ResponseSpec citizenList(String number, String token) {
        return web.post().uri(FollowedPhotoController.PATH + "/list").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", token)).exchange();
    }

    private WebTestClient.ResponseSpec citizenRead(String number, String token, Object photoId, boolean thumbnail) {
        return web.post().uri(FollowedPhotoController.PATH + "/read").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", token, "photoId", String.valueOf(photoId),
                        "thumbnail", thumbnail)).exchange();
    }

    /** The photo as a phone's browser sends it, declared a JPEG whatever it is. */
    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> form(
            byte[] bytes) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("photo", bytes).filename("IMG_0001.jpg").contentType(MediaType.IMAGE_JPEG);
        return form.build();
    }

    private List<Map<?, ?>> list(String ticketId, java.util.function.Consumer<org.springframework.http.HttpHeaders>
            auth) {
        return web.get().uri(PhotoController.PATH, ticketId).headers(auth).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().<Map<?, ?>>map(m -> m).toList();
    }

    private byte[] read(String href, java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) {
        return web.get().uri(href).headers(auth).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static void refused(WebTestClient.ResponseSpec answer, String code) {
        answer.expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("photo")
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    /** The files and chunks of the photos' bucket, counted from the collections' metadata. */
    private long fileCount() {
        return mongo.estimatedCount(PhotoStore.FILES).block() + mongo.estimatedCount(PhotoStore.CHUNKS).block();
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> unit(String unit) {
        return headers -> headers.setBearerAuth(infra.tokens().mintUnit("unit-user", unit));
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> staff(String role) {
        return headers -> headers.setBearerAuth(infra.tokens().mint(role.toLowerCase(), role));
    }

    /** A call registered by an operator and assigned by routing to the water company. */
    private TicketReceipt assigned(String phone) {
        return assigned(phone, List.of());
    }

    /** As {@link #assigned(String)}, with {@code supporting} units (协办) given their parts. */
    private TicketReceipt assigned(String phone, List<String> supporting) {
        double east = 0.004 * Integer.parseInt(phone.substring(phone.length() - 2));
        TicketReceipt ticket = web.post().uri("/api/v1/calls").headers(staff("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"%s","description":"小区门口的水管漏水，一直在冒水",
                         "location":{"lat":26.5750,"lon":%s},"category":"WATER_SUPPLY"}""".formatted(phone,
                        106.7150 + east))
                .exchange().expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult()
                .getResponseBody();
        topics.publish(assignment(ticket, 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), supporting));
        await().atMost(Duration.ofSeconds(30)).until(() -> UNIT.equals(mongo.findOne(Query.query(
                Criteria.where("_id").is(ticket.ticketId())), IntakeTicket.class).block().getUnitId()));
        return ticket;
    }

    /** Routing's {@code assignment}th dispatch of the ticket to the water company, with {@code supporting} units. */
    private static TicketAssigned assignment(TicketReceipt ticket, int assignment, Instant now,
            List<String> supporting) {
        return new TicketAssigned(EventIds.of(ticket.ticketId(), "TicketAssigned", assignment), now,
                ticket.ticketId(), ticket.ticketNumber(), assignment, UNIT, "贵阳市供水公司", supporting,
                "WATER_SUPPLY", "NANMING", Priority.NORMAL, now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofDays(3)), new AssignmentReason("water", 1, null, List.of()));
    }

    private int listStatus(String ticketId, java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) {
        return web.get().uri(PhotoController.PATH, ticketId).headers(auth).exchange().returnResult(String.class)
                .getStatus().value();
    }

    /**
     * A JPEG as a phone camera makes one: an EXIF block (written with the image library's TIFF writer) naming the
     * camera, the orientation and where it was taken, in the APP1 segment after the start of the image.
     */
    static byte[] jpegWithGpsExif(int width, int height, int orientation) throws IOException {
        byte[] plain = image("jpeg", width, height);
        List<Entry> gps = List.of(new TIFFEntry(1, TIFF.TYPE_ASCII, "N"),
                new TIFFEntry(2, TIFF.TYPE_RATIONAL, new Rational[] {new Rational(26), new Rational(34),
                        new Rational(1234, 100)}),
                new TIFFEntry(3, TIFF.TYPE_ASCII, "E"),
                new TIFFEntry(4, TIFF.TYPE_RATIONAL, new Rational[] {new Rational(106), new Rational(42),
                        new Rational(5678, 100)}));
        List<Entry> ifd0 = List.of(new TIFFEntry(TIFF.TAG_MAKE, TIFF.TYPE_ASCII, MAKER),
                new TIFFEntry(TIFF.TAG_MODEL, TIFF.TYPE_ASCII, "Model 12345"),
                new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, orientation),
                new TIFFEntry(TIFF.TAG_GPS_IFD, TIFF.TYPE_LONG, new IFD(gps)));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(ifd0, out);
        }
        byte[] exif = tiff.toByteArray();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.write(plain, 0, 2);
        int length = 2 + 6 + exif.length;
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        jpeg.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        jpeg.write(exif);
        jpeg.write(plain, 2, plain.length - 2);
        return jpeg.toByteArray();
    }

    /** A small picture of two colours in {@code format}. */
    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes)).as("a writer for " + format).isTrue();
        return bytes.toByteArray();
    }

    /** A PNG of one pixel whose header claims {@code width} × {@code height}, with a valid checksum. */
    static byte[] pixelBomb(int width, int height) throws IOException {
        byte[] png = image("png", 1, 1);
        // the IHDR chunk: length at 8, type at 12, width at 16, height at 20, its CRC over type and data at 29
        ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        return png;
    }

    /** The GPS directory of a JPEG's EXIF, null without one. */
    static Directory gpsOf(byte[] jpeg) throws IOException {
        List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(new MemoryCacheImageInputStream(
                new ByteArrayInputStream(jpeg)), JPEG.APP1, "Exif");
        if (exif.isEmpty()) {
            return null;
        }
        InputStream data = exif.get(0).data();
        data.read();
        Entry gps = new TIFFReader().read(new MemoryCacheImageInputStream(data)).getEntryById(TIFF.TAG_GPS_IFD);
        return gps == null ? null : (Directory) gps.getValue();
    }

    private static List<JPEGSegment> appSegments(byte[] jpeg) throws IOException {
        return JPEGSegmentUtil.readSegments(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)),
                JPEGSegmentUtil.APP_SEGMENTS);
    }
}
