package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.testing.StandInUnits;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.ObligationReplica;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.repository.ObligationRepository;
import vn.actionmonth.report.service.ReportAccess;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.actionmonth.common.testing.Callers.caller;
import static vn.actionmonth.common.testing.Callers.assertForbidden;

/**
 * Who may do what with reports, with stand-ins for the caller's token, the unit replica and the
 * obligations (the real ones: AuthorizationMatrixTest, ConsolidationFlowTest).
 */
class ReportAccessTest {

    private final StandInUnits tree = new StandInUnits();
    private final UnitRecord ministry = tree.unit(null, "Bộ Lao động - Thương binh và Xã hội");
    private final UnitRecord province = tree.unit(ministry, "UBND tỉnh Hải Dương");
    private final UnitRecord department = tree.unit(province, "Sở LĐTBXH Hải Dương");
    private final UnitRecord district = tree.unit(province, "UBND thành phố Chí Linh");
    private final UnitRecord ward = tree.unit(district, "UBND phường Sao Đỏ");
    private final UnitRecord otherProvince = tree.unit(ministry, "UBND tỉnh Hưng Yên");

    private final Map<UUID, ObligationReplica> obligations = new HashMap<>();
    /** via, recipient, plan: what consolidatesFor answers true to. */
    private final Set<List<UUID>> consolidating = new HashSet<>();

    private final UnitDirectory directory = tree.directory();
    private final ObligationRepository obligationRepository = new ObligationRepository() {
        @Override
        public Optional<ObligationReplica> findByIdOptional(UUID id) {
            return Optional.ofNullable(obligations.get(id));
        }

        @Override
        public boolean consolidatesFor(UUID via, UUID recipient, UUID planId) {
            return consolidating.contains(Arrays.asList(via, recipient, planId));
        }
    };

    /** The ward reports to the province through the Sở, with a copy to the other province. */
    private final Report report = report(ward, province, department, otherProvince);

    @Test
    void aReporterWritesOnlyItsOwnUnitsReports() {
        assertThatCode(() -> access(ward, Roles.REPORTER).requireReporterOf(ward.id())).doesNotThrowAnyException();
        assertForbidden(() -> access(district, Roles.REPORTER).requireReporterOf(ward.id()),
                "a reporter writes only its own unit's reports");
        assertForbidden(() -> access(ward, Roles.VIEWER).requireReporterOf(ward.id()), "this needs one of the roles reporter");
    }

    @Test
    void anApproverOfTheRecipientOrOfTheConsolidatingUnitActsOnTheReport() {
        assertThatCode(() -> access(province, Roles.APPROVER).requireRecipient(report)).doesNotThrowAnyException();
        assertThatCode(() -> access(department, Roles.APPROVER).requireRecipient(report)).doesNotThrowAnyException();

        String detail = "only the unit the report is sent to, or the consolidating unit it passes through, may return or "
                + "approve it";
        assertForbidden(() -> access(district, Roles.APPROVER).requireRecipient(report), detail);
        assertForbidden(() -> access(otherProvince, Roles.APPROVER).requireRecipient(report), detail);
        assertForbidden(() -> access(province, Roles.REPORTER).requireRecipient(report), "this needs one of the roles approver");

        obligations.clear();
        assertForbidden(() -> access(department, Roles.APPROVER).requireRecipient(report), detail);
    }

    @Test
    void aReportIsReadByItsUnitItsRecipientTheConsolidatingUnitTheCopiedUnitsAndTheUnitsAbove() {
        for (UnitRecord reader : List.of(ward, province, department, otherProvince, district, ministry)) {
            assertThatCode(() -> access(reader, Roles.VIEWER).requireRead(report)).as(reader.name())
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> access(tree.unit(null, "Hệ thống"), Roles.SYSTEM).requireRead(report)).doesNotThrowAnyException();

        UnitRecord peer = tree.unit(district, "UBND phường Cộng Hòa");
        assertForbidden(() -> access(peer, Roles.VIEWER).requireRead(report), "the report's unit is outside the caller's subtree");
    }

    @Test
    void withoutItsObligationAReportIsReadOnlyWithinTheTree() {
        obligations.clear();
        assertForbidden(() -> access(department, Roles.VIEWER).requireRead(report),
                "the report's unit is outside the caller's subtree");
        assertForbidden(() -> access(otherProvince, Roles.VIEWER).requireRead(report),
                "the report's unit is outside the caller's subtree");
    }

    @Test
    void aUnitsFiguresAreReadWithinTheCallersSubtree() {
        assertThatCode(() -> access(district, Roles.VIEWER).requireReadUnit(district.id())).doesNotThrowAnyException();
        assertThatCode(() -> access(province, Roles.VIEWER).requireReadUnit(ward.id())).doesNotThrowAnyException();
        assertThatCode(() -> access(tree.unit(null, "Hệ thống"), Roles.SYSTEM).requireReadUnit(ward.id())).doesNotThrowAnyException();
        assertForbidden(() -> access(district, Roles.VIEWER).requireReadUnit(province.id()),
                "unit " + province.id() + " is outside the caller's subtree");
    }

    @Test
    void aConsolidatingUnitReadsTheRecipientsFiguresForThePlanItConsolidates() {
        UUID plan = report.planId;
        UUID otherPlan = UUID.randomUUID();
        consolidating.add(Arrays.asList(department.id(), province.id(), plan));

        assertThatCode(() -> access(department, Roles.VIEWER).requireReadUnit(province.id(), plan)).doesNotThrowAnyException();
        assertForbidden(() -> access(department, Roles.VIEWER).requireReadUnit(province.id(), otherPlan),
                "unit " + province.id() + " is outside the caller's subtree, and the caller consolidates nothing for it "
                        + "under " + otherPlan);
        assertThatCode(() -> access(province, Roles.VIEWER).requireReadUnit(ward.id(), otherPlan)).doesNotThrowAnyException();
        assertThatCode(() -> access(ward, Roles.VIEWER).requireReadUnit(ward.id(), otherPlan)).doesNotThrowAnyException();
        assertThatCode(() -> access(tree.unit(null, "Hệ thống"), Roles.SYSTEM).requireReadUnit(province.id(), otherPlan))
                .doesNotThrowAnyException();
    }

    @Test
    void listsAreLimitedToTheCallersSubtreeExceptForASystemAccount() {
        assertThat(access(district, Roles.VIEWER).subtreePrefix()).isEqualTo(district.path());
        UUID unknown = UUID.randomUUID();
        assertThat(new ReportAccess(caller(unknown, Set.of(Roles.VIEWER)), directory, obligationRepository).subtreePrefix())
                .isEqualTo("/" + unknown + "/");
        assertThat(access(province, Roles.SYSTEM).subtreePrefix()).isNull();
    }

    @Test
    void countryWideWorkBelongsToSystemAccountsAndAdminsOfARoot() {
        assertThatCode(() -> access(ministry, Roles.ADMIN).requireCountryWide()).doesNotThrowAnyException();
        assertThatCode(() -> access(province, Roles.SYSTEM).requireCountryWide()).doesNotThrowAnyException();
        String detail = "country-wide operations belong to system accounts and the admins of a root unit";
        assertForbidden(() -> access(province, Roles.ADMIN).requireCountryWide(), detail);
        assertForbidden(() -> new ReportAccess(caller(UUID.randomUUID(), Set.of(Roles.ADMIN)), directory, obligationRepository)
                .requireCountryWide(), detail);
        assertForbidden(() -> access(ministry, Roles.APPROVER).requireCountryWide(), "this needs one of the roles admin");
    }

    @Test
    void theCallerIsKnownByItsUnitAndName() {
        ReportAccess access = access(ward, Roles.REPORTER);
        assertThat(access.callerUnit()).isEqualTo(ward.id());
        assertThat(access.callerName()).isEqualTo("can-bo");
    }

    private ReportAccess access(UnitRecord unit, String... roles) {
        return new ReportAccess(caller(unit.id(), Set.of(roles)), directory, obligationRepository);
    }

    private Report report(UnitRecord from, UnitRecord to, UnitRecord via, UnitRecord copy) {
        ObligationReplica o = new ObligationReplica();
        o.id = UUID.randomUUID();
        o.planId = UUID.randomUUID();
        o.unitId = from.id();
        o.recipientId = to.id();
        o.viaUnitId = via.id();
        o.copyToUnitIds = new UUID[] {copy.id()};
        obligations.put(o.id, o);
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.obligationId = o.id;
        r.planId = o.planId;
        r.unitId = from.id();
        r.recipientId = to.id();
        return r;
    }
}
