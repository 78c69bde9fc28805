package vn.actionmonth.events;

import org.junit.jupiter.api.Test;
import vn.actionmonth.events.notification.DeliveryEvent;
import vn.actionmonth.events.plan.ObligationEvent;
import vn.actionmonth.events.plan.PlanEvent;
import vn.actionmonth.events.plan.UnitEvent;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.events.report.ReportEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue of types and the closed families of each topic name the same events. */
class EventCatalogueTest {

    /** One per topic, but report.consolidations.v1, which has a single event. */
    private static final List<Class<?>> FAMILIES = List.of(UnitEvent.class, PlanEvent.class, ObligationEvent.class,
            ReportEvent.class, DeliveryEvent.class);

    @Test
    void everyCataloguedEventBelongsToTheClosedFamilyOfItsTopicAndEveryMemberIsCatalogued() {
        List<Class<?>> members = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            assertThat(family.isSealed()).as(family.getSimpleName() + " is sealed").isTrue();
            members.addAll(Arrays.asList(family.getPermittedSubclasses()));
        }
        members.add(ConsolidationChanged.class); // the only event of its topic

        assertThat(members).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void typesAreUniqueAndReadBackToTheirClass() {
        for (Class<? extends EventPayload> c : EventTypes.all()) {
            assertThat(EventTypes.payloadClass(c.getSimpleName())).isEqualTo(c);
        }
        assertThat(EventTypes.all().stream().map(Class::getSimpleName).distinct()).hasSameSizeAs(EventTypes.all());
    }

    @Test
    void aTypeThisServiceDoesNotKnowReadsAsNothingAndAKnownOneAsItsRecord() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .findAndRegisterModules();
        vn.actionmonth.events.notification.NotificationSent sent = new vn.actionmonth.events.notification.NotificationSent(
                java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "INBOX", "REMINDER", "k", null, null, 1,
                java.time.OffsetDateTime.parse("2027-07-13T01:00:00Z"));

        assertThat(EventTypes.readIfKnown(mapper, "UnitsSplitInThree", mapper.valueToTree(sent))).isNull();
        assertThat(EventTypes.readIfKnown(mapper, "NotificationSent", mapper.valueToTree(sent))).isEqualTo(sent);
    }
}
