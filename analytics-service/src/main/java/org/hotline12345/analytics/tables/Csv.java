package org.hotline12345.analytics.tables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every analytics table as JSON, or as CSV when the client accepts {@code text/csv}. */
public final class Csv {

    public static final String TEXT_CSV = "text/csv";

    private Csv() {
    }

    public static <T> ResponseEntity<?> respond(List<T> rows, String accept, String header,
            Function<T, List<?>> cells) {
        return respond(rows, rows, accept, header, cells);
    }

    /** {@code json} as JSON, or {@code rows} as CSV when the client accepts {@code text/csv}. */
    public static <T> ResponseEntity<?> respond(Object json, List<T> rows, String accept, String header,
            Function<T, List<?>> cells) {
        if (accept != null && accept.contains(TEXT_CSV)) {
            StringBuilder csv = new StringBuilder(header).append('\n');
            rows.forEach(row -> csv.append(line(cells.apply(row))).append('\n'));
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static String line(List<?> cells) {
        return cells.stream().map(cell -> escape(Objects.toString(cell, ""))).collect(Collectors.joining(","));
    }

    /** Quotes a cell holding a comma, quote or line break, as RFC 4180 says. */
    static String escape(String cell) {
        if (Stream.of(",", "\"", "\n", "\r").noneMatch(cell::contains)) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
