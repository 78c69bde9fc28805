package vn.actionmonth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.actionmonth.events.notification.NotificationFailed;
import vn.actionmonth.events.notification.NotificationSent;
import vn.actionmonth.events.plan.ObligationCancelled;
import vn.actionmonth.events.plan.ObligationChanged;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.PlanAmended;
import vn.actionmonth.events.plan.PlanClosed;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.events.plan.UnitChanged;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitMoved;
import vn.actionmonth.events.plan.UnitRetired;
import vn.actionmonth.events.plan.UnitSplit;
import vn.actionmonth.events.plan.UnitsMerged;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.events.report.ReportApproved;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.events.report.ReportSubmitted;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue: each CloudEvents type and the payload record it names. */
public final class EventTypes {

    private static final List<Class<? extends EventPayload>> ALL = List.of(
            UnitCreated.class, UnitChanged.class, UnitMoved.class, UnitRetired.class, UnitsMerged.class, UnitSplit.class,
            PlanPublished.class, PlanAmended.class, PlanClosed.class,
            ObligationCreated.class, ObligationChanged.class, ObligationCancelled.class,
            ReportSubmitted.class, ReportReturned.class, ReportApproved.class,
            ConsolidationChanged.class,
            NotificationSent.class, NotificationFailed.class);

    private static final Map<String, Class<? extends EventPayload>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Class<? extends EventPayload> payloadClass(String type) {
        Class<? extends EventPayload> c = BY_TYPE.get(type);
        if (c == null) {
            throw new UnknownEventTypeException(type);
        }
        return c;
    }

    public static EventPayload read(ObjectMapper mapper, String type, JsonNode data) {
        return mapper.convertValue(data, payloadClass(type));
    }

    /**
     * The payload, or null for a type this service does not know: one a newer producer added,
     * which a consumer built before it skips.
     */
    public static EventPayload readIfKnown(ObjectMapper mapper, String type, JsonNode data) {
        Class<? extends EventPayload> c = BY_TYPE.get(type);
        return c == null ? null : mapper.convertValue(data, c);
    }

    public static List<Class<? extends EventPayload>> all() {
        return ALL;
    }

    public static final class UnknownEventTypeException extends IllegalArgumentException {
        public UnknownEventTypeException(String type) {
            super("unknown event type: " + type);
        }
    }
}
