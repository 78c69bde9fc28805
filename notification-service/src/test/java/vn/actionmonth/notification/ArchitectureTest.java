package vn.actionmonth.notification;

import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersKeepTheirBoundariesAndTakeDependenciesThroughConstructors() {
        ArchitectureRules.check("vn.actionmonth.notification");
    }

    @Test
    void nativeSqlLivesInRepositories() {
        ArchitectureRules.checkSqlStaysInRepositories("vn.actionmonth.notification");
    }

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.checkServicesStayApart("vn.actionmonth.notification");
    }
}
