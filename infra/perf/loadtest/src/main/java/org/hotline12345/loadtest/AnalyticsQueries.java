package org.hotline12345.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Times the analysts' questions over the longest period they allow (92 days, to yesterday) the way the dashboard
 * asks them: a few unmeasured rounds first, then each question in turn, one at a time.
 */
final class AnalyticsQueries {

    private static final int WARM_UP_ROUNDS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String analytics;
    private final String bearer;

    AnalyticsQueries(String analytics, String analystToken) {
        this.analytics = analytics;
        this.bearer = "Bearer " + analystToken;
    }

    /** Each question's latencies over {@code rounds} measured rounds, microseconds. */
    Map<String, Histogram> time(int rounds) throws Exception {
        LocalDate to = LocalDate.now(Preload.CITY_ZONE).minusDays(1);
        String period = "from=" + to.minusDays(91) + "&to=" + to;
        Map<String, String> questions = new LinkedHashMap<>();
        questions.put("overview", "/api/v1/analytics/overview?" + period);
        questions.put("volume by day", "/api/v1/analytics/volume?by=day&" + period);
        questions.put("time limits by unit", "/api/v1/analytics/deadlines?groupBy=unit&" + period);
        questions.put("hot spots", "/api/v1/analytics/hotspots?" + period);
        questions.put("rates by unit and month", "/api/v1/analytics/rates?groupBy=unit&period=month&" + period);
        questions.put("ranking", "/api/v1/analytics/ranking?month=" + to.toString().substring(0, 7));
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        questions.keySet().forEach(name -> latencies.put(name, new Histogram(3)));
        for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
            for (Map.Entry<String, String> question : questions.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(analytics
                                + question.getValue())).header("Authorization", bearer)
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - start) / 1_000;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(question.getKey() + " answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                if (round >= WARM_UP_ROUNDS) {
                    latencies.get(question.getKey()).recordValue(Math.max(1, micros));
                }
            }
        }
        return latencies;
    }
}
