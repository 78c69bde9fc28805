package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersKeepTheirBoundariesAndTakeDependenciesThroughConstructors() {
        ArchitectureRules.check("vn.actionmonth.report");
    }

    @Test
    void nativeSqlLivesInRepositories() {
        ArchitectureRules.checkSqlStaysInRepositories("vn.actionmonth.report");
    }

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.checkServicesStayApart("vn.actionmonth.report");
    }
}
