package vn.actionmonth.common;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void theCommonModuleUsesNoClassOfAService() {
        ArchitectureRules.checkSharedModuleKnowsNoService("vn.actionmonth.common");
    }
}
