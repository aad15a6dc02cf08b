package org.hotline12345.contracts;

import java.time.Instant;
import java.util.List;

/** One realistic instance of every event type. */
public final class SampleEvents {

    public static final String TICKET = "b1a6c0de-4f5e-4d3c-8b2a-1f0e9d8c7b6a";
    public static final Instant AT = Instant.parse("2026-11-28T02:30:00Z");

    private SampleEvents() {
    }

    public static List<HotlineEvent> all() {
        return List.of(received(), answeredOnCall(), assigned(),
                new TicketAccepted(id("acc"), AT, TICKET, "URBAN_MGMT", true),
                new TicketRejected(id("rej"), AT, TICKET, "URBAN_MGMT", "NOT_OUR_DUTY", "属于住建职责",
                        "《物业管理条例》第三十五条"),
                new ReturnUpheld(id("rup"), AT, TICKET, "URBAN_MGMT", "HOUSING", "共用设施维修属住建职责", "sup-1"),
                new ReturnRejected(id("rrj"), AT, TICKET, "URBAN_MGMT", "占道经营属城管权责清单第12项", "sup-1"),
                new TicketExtended(id("ext"), AT, TICKET, "URBAN_MGMT", AT.plusSeconds(86_400 * 3), "需联合执法",
                        "URBAN_MGMT"),
                new ExtensionRequested(id("exq"), AT, TICKET, "URBAN_MGMT", AT.plusSeconds(86_400 * 10),
                        AT.plusSeconds(86_400 * 5), "需住建、城管联合执法", "unit-URBAN_MGMT", AT.plusSeconds(14_400)),
                new ExtensionApproved(id("exa"), AT, TICKET, "URBAN_MGMT", AT.plusSeconds(86_400 * 10),
                        AT.plusSeconds(86_400 * 8), "联合执法安排在下周一", "sup-1"),
                new ExtensionRefused(id("exr"), AT, TICKET, "URBAN_MGMT", AT.plusSeconds(86_400 * 10),
                        AT.plusSeconds(86_400 * 5), "应在时限内先行制止", "sup-1"),
                new PartAssigned(id("pas"), AT, TICKET, "GAS_CO", "POLICE", 1, AT.plusSeconds(7_200),
                        AT.plusSeconds(82_800), "sup-1"),
                new PartAccepted(id("pac"), AT, TICKET, "GAS_CO", "POLICE", 1, true),
                new PartAnswered(id("pan"), AT, TICKET, "GAS_CO", "POLICE", 1, "已到场疏散住户并设置警戒",
                        AT.plusSeconds(82_800), true),
                new PartWaived(id("pwv"), AT, TICKET, "GAS_CO", "POLICE", 1, "ASSIGNED", AT.minusSeconds(60), true,
                        "险情已排除，无需警方协助", "sup-1"),
                new TicketResolved(id("res"), AT, TICKET, "URBAN_MGMT", ResolutionResult.PARTLY_SOLVED,
                        "已约谈店主，限期整改", false, false, 2),
                new TicketEscalated(id("esc"), AT, TICKET, "URBAN_MGMT", "RESOLVE_OVERDUE", AT.minusSeconds(60)),
                new TicketReopened(id("reo"), AT, TICKET, "URBAN_MGMT", "NOT_SOLVED", AT.plusSeconds(86_400 * 3), 1),
                new TicketClosed(id("clo"), AT, TICKET, "URBAN_MGMT", "FEEDBACK"),
                new TicketDeadlineApproaching(id("dla"), AT, TICKET, "URBAN_MGMT", "RESOLVE", AT.plusSeconds(3_600)),
                new FeedbackReceived(id("fb"), AT, TICKET, false, Satisfaction.DISSATISFIED, "SMS", 2),
                new CitizenRated(id("rated"), AT, TICKET, 1, true, Satisfaction.BASICALLY_SATISFIED, "修好了"),
                new CallRated(id("call-rated"), AT, TICKET, Satisfaction.SATISFIED, "话务员很耐心"),
                new NotificationSent(id("ns"), AT, TICKET, "n-1", "TicketAssigned", "assigned.en", "en", 2,
                        "dev-42"),
                new NotificationFailed(id("nf"), AT, TICKET, "n-2", "TicketResolved", 8, "gateway timed out"));
    }

    public static TicketReceived received() {
        return new TicketReceived(id("rcv"), AT, TICKET, "12345-20261128-0001", Channel.PHONE, "WATER_SUPPLY",
                Urgency.URGENT, "Burst pipe flooding the street", new GeoPoint(26.5712, 106.7089),
                new Address("Zhonghua Road 18", "YUNYAN", "ZHONGHUA_N"),
                new CitizenContact("c2VhbGVk", "a".repeat(64), "139****0000", null, "en", true), false, null,
                null, null, new CategorySuggestion("WATER_SUPPLY", 0.93, false), null, "operator-01");
    }

    /** A question answered on the call from a knowledge article, the caller asking for the answer by text. */
    public static TicketReceived answeredOnCall() {
        return new TicketReceived(id("rcv-on-call"), AT, TICKET, "12345-20261128-0002", Channel.PHONE, "OTHER",
                Urgency.NORMAL, "社保卡丢了怎么补办", null, null,
                new CitizenContact("c2VhbGVk", "b".repeat(64), "139****0001", null, "zh", true), true,
                "带身份证到市民中心一楼社保窗口补办，当场可取", null, null, null, new KnowledgeAnswer("KB-CARD-002", 3),
                "operator-01", true);
    }

    public static TicketAssigned assigned() {
        return new TicketAssigned(id("asg"), AT, TICKET, "12345-20261128-0001", 1, "WATER_CO", "Guiyang Water",
                List.of("URBAN_MGMT"), "WATER_SUPPLY", "YUNYAN", Priority.URGENT, AT.plusSeconds(7_200),
                AT.plusSeconds(86_400), new AssignmentReason("water-outage", 3, "YY-01", List.of("category")));
    }

    private static String id(String salt) {
        return EventIds.of(TICKET, salt, 1);
    }
}
