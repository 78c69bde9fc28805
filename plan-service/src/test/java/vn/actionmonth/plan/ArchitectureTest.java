package vn.actionmonth.plan;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersKeepTheirBoundariesAndTakeDependenciesThroughConstructors() {
        ArchitectureRules.check("vn.actionmonth.plan");
    }

    @Test
    void nativeSqlLivesInRepositories() {
        ArchitectureRules.checkSqlStaysInRepositories("vn.actionmonth.plan");
    }

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.checkServicesStayApart("vn.actionmonth.plan");
    }
}
