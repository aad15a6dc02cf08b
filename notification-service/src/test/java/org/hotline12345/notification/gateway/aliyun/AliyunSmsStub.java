package org.hotline12345.notification.gateway.aliyun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS as its documentation describes it, on loopback: it checks every call's V3 signature (computed
 * here on its own, from the request as received), its date, nonce and body hash, and {@code SendSms}'s parameters
 * against the approved sign name and templates; it answers in the provider's JSON, keeps what it accepted with its
 * {@code OutId} for {@code QuerySendDetails}, and pushes receipts and replies in the provider's batch format.
 */
final class AliyunSmsStub implements AutoCloseable {

    enum Behaviour {
        WELL,
        /** Takes the text, then answers after the sender gave up. */
        SILENT_AFTER_ACCEPTING,
        /** Fails inside without taking the text. */
        FAILS
    }

    /** A number the carriers do not know: the provider refuses any text to it. */
    static final String ILLEGAL_NUMBER = "13900000000";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})");
    /** Past the sender's 1 s timeout: the text was taken, but its sender never hears so. */
    private static final long SILENT_MILLIS = 3_000;
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String signName;
    private final Map<String, Set<String>> templates;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    /** Answers the silent provider gives after the sender's timeout. */
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
    private final List<Sent> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.WELL;

    /** A text the provider took. */
    record Sent(String bizId, String phone, String templateCode, Map<String, String> variables, String outId,
            Instant at) {
    }

    /** {@code templates}: each approved template code with its variables. */
    AliyunSmsStub(String accessKeyId, String accessKeySecret, String signName, Map<String, Set<String>> templates) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.signName = signName;
        this.templates = templates;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    List<Sent> accepted() {
        return List.copyOf(accepted);
    }

    /** Why calls were refused before their action: a bad signature, date, nonce or body hash. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    int queries() {
        return queries.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String refused = verify(exchange, body);
        if (refused != null) {
            refusals.add(refused);
            reply(exchange, 400, Map.of("Code", refused.split(":")[0], "Message", refused,
                    "RequestId", "stub", "HostId", "dysmsapi.aliyuncs.com"));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        if ("QuerySendDetails".equals(action)) {
            querySendDetails(exchange, query);
        } else {
            sendSms(exchange, query);
        }
    }

    private void sendSms(HttpExchange exchange, Map<String, String> query) throws IOException {
        String phone = query.getOrDefault("PhoneNumbers", "");
        String code = query.getOrDefault("TemplateCode", "");
        if (!signName.equals(query.get("SignName"))) {
            reply(exchange, 200, Map.of("Code", "isv.SMS_SIGNATURE_ILLEGAL", "Message", "签名不合法"));
            return;
        }
        if (!templates.containsKey(code)) {
            reply(exchange, 200, Map.of("Code", "isv.SMS_TEMPLATE_ILLEGAL", "Message", "模板不合法"));
            return;
        }
        Map<String, String> variables = new TreeMap<>();
        JsonNode param = JSON.readTree(query.getOrDefault("TemplateParam", "{}"));
        for (Map.Entry<String, JsonNode> variable : param.properties()) {
            if (!variable.getValue().isString()) {
                reply(exchange, 200, Map.of("Code", "isv.INVALID_JSON_PARAM", "Message", "JSON参数不合法，只接受字符串值"));
                return;
            }
            variables.put(variable.getKey(), variable.getValue().asString());
        }
        if (!variables.keySet().equals(templates.get(code))) {
            reply(exchange, 200, Map.of("Code", "isv.TEMPLATE_MISSING_PARAMETERS", "Message", "模板缺少变量"));
            return;
        }
        if (variables.values().stream().anyMatch(v -> v.isEmpty() || v.codePointCount(0, v.length()) > 35)) {
            reply(exchange, 200, Map.of("Code", "isv.PARAM_LENGTH_LIMIT", "Message", "参数超出长度限制"));
            return;
        }
        if (!phone.matches("1\\d{10}") || phone.equals(ILLEGAL_NUMBER)) {
            reply(exchange, 200, Map.of("Code", "isv.MOBILE_NUMBER_ILLEGAL", "Message", "非法手机号"));
            return;
        }
        switch (behaviour) {
            case FAILS -> reply(exchange, 503, Map.of("Code", "ServiceUnavailable", "Message",
                    "The request has failed due to a temporary failure of the server."));
            case SILENT_AFTER_ACCEPTING -> {
                Sent sent = take(phone, code, variables, query.get("OutId"));
                late.schedule(() -> {
                    try {
                        ok(exchange, sent);
                    } catch (IOException senderGaveUp) {
                        // the sender closed the connection before the answer: as it does at its timeout
                    }
                }, SILENT_MILLIS, TimeUnit.MILLISECONDS);
            }
            case WELL -> ok(exchange, take(phone, code, variables, query.get("OutId")));
        }
    }

    private Sent take(String phone, String code, Map<String, String> variables, String outId) {
        Sent sent = new Sent("9006" + (100000 + accepted.size()) + "^0", phone, code, variables, outId,
                Instant.now());
        accepted.add(sent);
        return sent;
    }

    private void ok(HttpExchange exchange, Sent sent) throws IOException {
        reply(exchange, 200, Map.of("Code", "OK", "Message", "OK", "BizId", sent.bizId(), "RequestId", "stub"));
    }

    private void querySendDetails(HttpExchange exchange, Map<String, String> query) throws IOException {
        queries.incrementAndGet();
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "0"));
        int page = Integer.parseInt(query.getOrDefault("CurrentPage", "0"));
        if (pageSize < 1 || pageSize > 50 || page < 1 || !query.getOrDefault("SendDate", "").matches("\\d{8}")) {
            reply(exchange, 400, Map.of("Code", "InvalidParameter", "Message", "PageSize, CurrentPage or SendDate"));
            return;
        }
        LocalDate day = LocalDate.parse(query.get("SendDate"), DateTimeFormatter.BASIC_ISO_DATE);
        List<Map<String, Object>> details = new ArrayList<>();
        accepted.stream().filter(s -> s.phone().equals(query.get("PhoneNumber"))
                        && LocalDate.ofInstant(s.at(), PROVIDER_ZONE).equals(day))
                .skip((long) (page - 1) * pageSize).limit(pageSize)
                .forEach(s -> details.add(Map.of("PhoneNum", s.phone(), "SendStatus", 3, "ErrCode", "DELIVERED",
                        "TemplateCode", s.templateCode(), "Content", "【" + signName + "】…", "OutId",
                        s.outId() == null ? "" : s.outId(), "SendDate", TIME.format(s.at().atZone(PROVIDER_ZONE)))));
        reply(exchange, 200, Map.of("Code", "OK", "Message", "OK", "RequestId", "stub",
                "TotalCount", String.valueOf(details.size()),
                "SmsSendDetailDTOs", Map.of("SmsSendDetailDTO", details)));
    }

    /** Why the call is refused, or null: what the provider's API gateway checks before any action. */
    private String verify(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getRawPath())) {
            return "InvalidAction.NotFound: " + exchange.getRequestMethod() + " " + exchange.getRequestURI();
        }
        if (!"2017-05-25".equals(headers.getFirst("x-acs-version"))) {
            return "InvalidVersion: " + headers.getFirst("x-acs-version");
        }
        String date = headers.getFirst("x-acs-date");
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
                || Duration.between(Instant.parse(date), Instant.now()).abs().toMinutes() >= 15) {
            return "InvalidTimeStamp.Expired: " + date;
        }
        String nonce = headers.getFirst("x-acs-signature-nonce");
        if (nonce == null || !nonces.add(nonce)) {
            return "SignatureNonceUsed: " + nonce;
        }
        if (!sha256(body).equals(headers.getFirst("x-acs-content-sha256"))) {
            return "InvalidParameter.ContentSha256: the body's hash does not match";
        }
        Matcher authorization = AUTHORIZATION.matcher(String.valueOf(headers.getFirst("Authorization")));
        if (!authorization.matches() || !authorization.group(1).equals(accessKeyId)) {
            return "InvalidAccessKeyId.NotFound: " + headers.getFirst("Authorization");
        }
        List<String> signedNames = List.of(authorization.group(2).split(";"));
        List<String> mustSign = new ArrayList<>(List.of("host"));
        headers.keySet().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .filter(name -> name.startsWith("x-acs-")).forEach(mustSign::add);
        if (!signedNames.containsAll(mustSign) || !signedNames.equals(signedNames.stream().sorted().toList())) {
            return "IncompleteSignature: signed " + signedNames + ", must sign " + mustSign;
        }
        StringBuilder canonical = new StringBuilder("POST\n/\n")
                .append(canonicalQuery(exchange.getRequestURI().getRawQuery())).append('\n');
        for (String name : signedNames) {
            canonical.append(name).append(':').append(String.valueOf(headers.getFirst(name)).trim()).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedNames)).append('\n').append(sha256(body));
        String expected = hmac(accessKeySecret, "ACS3-HMAC-SHA256\n" + sha256(canonical.toString()
                .getBytes(StandardCharsets.UTF_8)));
        return expected.equals(authorization.group(3)) ? null
                : "SignatureDoesNotMatch: Specified signature is not matched with our calculation.";
    }

    /** The query as received, decoded, then encoded again as the documentation says: sorted, RFC 3986. */
    private static String canonicalQuery(String raw) {
        List<String> pairs = new ArrayList<>();
        query(raw).forEach((name, value) -> pairs.add(rfc3986(name) + "=" + rfc3986(value)));
        return String.join("&", pairs);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
        }
        return query;
    }

    private static String decode(String encoded) {
        // a '+' would be a literal plus: a conforming client never sends a space as '+'
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Byte by byte: unreserved characters as they are, everything else %XX in upper case. */
    private static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Pushes delivery reports to the hub as the provider's HTTP batch push does; the answer's status and body. */
    HttpResponse<String> pushReport(String callback, Sent sent, boolean delivered) {
        String now = TIME.format(LocalDateTime.now(PROVIDER_ZONE));
        return push(callback, List.of(Map.of("phone_number", sent.phone(), "send_time", now, "report_time", now,
                "success", delivered, "err_code", delivered ? "DELIVERED" : "MK:0001", "err_msg",
                delivered ? "用户接收成功" : "用户关机", "sms_size", "1", "biz_id", sent.bizId(), "out_id",
                sent.outId())));
    }

    /** Pushes a citizen's reply as the provider's HTTP batch push does. */
    HttpResponse<String> pushReply(String callback, String phone, String content, String sequenceId) {
        return push(callback, List.of(Map.of("phone_number", phone, "content", content, "send_time",
                TIME.format(LocalDateTime.now(PROVIDER_ZONE)), "dest_code", "1234", "sequence_id", sequenceId)));
    }

    private static HttpResponse<String> push(String callback, Object batch) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(callback)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        late.shutdownNow();
    }
}
