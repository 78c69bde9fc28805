package vn.actionmonth.events;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void theEventContractUsesNoClassOfAService() {
        ArchitectureRules.checkSharedModuleKnowsNoService("vn.actionmonth.events");
    }
}
