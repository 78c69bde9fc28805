package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ObservedStatuses;

import java.nio.file.Path;

/** Runs after the whole suite (its own surefire execution): see {@link ObservedStatuses}. */
class DocumentedStatusesCheck {

    @Test
    void everyStatusTheTestsSawTheServiceAnswerIsDocumented() {
        ObservedStatuses.requireDocumented(Path.of("openapi/openapi.json"));
    }
}
