package org.hotline12345.intake.normalise;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline12345.contracts.Urgency;

/**
 * Infers urgency from what the caller says when the operator gave none: danger to life or property (gas smell,
 * fire, flooding, live wires, people hurt) is urgent; an outage of water, power or gas is high.
 */
public final class UrgencyCues {

    private static final List<String> DANGER = List.of(
            "煤气味", "燃气味", "燃气泄漏", "煤气泄漏", "天然气泄漏", "漏气", "gas leak", "smell of gas", "smells of gas",
            "着火", "起火", "火灾", "冒烟", "fire", "smoke",
            "淹水", "水淹", "进水", "内涝", "洪水", "flood",
            "电线裸露", "电线掉", "漏电", "触电", "live wire", "exposed wire", "power line down", "downed power line",
            "有人受伤", "生命危险", "跳楼", "轻生", "自杀", "打架", "持刀", "injured", "bleeding", "suicide",
            "collapse", "坍塌", "塌方");
    private static final List<String> OUTAGE = List.of(
            "停水", "没水", "断水", "no water", "water cut",
            "停电", "没电", "断电", "power cut", "power outage", "blackout", "no power", "no electricity",
            "停气", "没气", "断气", "no gas");

    private UrgencyCues() {
    }

    /** The urgency the words call for, and the cue that says so; empty when nothing in them is pressing. */
    public static Optional<Inferred> infer(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return first(lower, DANGER).map(cue -> new Inferred(Urgency.URGENT, cue))
                .or(() -> first(lower, OUTAGE).map(cue -> new Inferred(Urgency.HIGH, cue)));
    }

    private static Optional<String> first(String text, List<String> cues) {
        return cues.stream().filter(text::contains).findFirst();
    }

    /** An inferred urgency and the words that called for it. */
    public record Inferred(Urgency urgency, String cue) {
    }
}
