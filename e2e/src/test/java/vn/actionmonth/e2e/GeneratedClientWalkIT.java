package vn.actionmonth.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.actionmonth.devstack.Stack;
import vn.actionmonth.e2e.client.notification.api.DeadlinesApi;
import vn.actionmonth.e2e.client.notification.api.InboxApi;
import vn.actionmonth.e2e.client.notification.model.Deadline;
import vn.actionmonth.e2e.client.notification.model.InboxItem;
import vn.actionmonth.e2e.client.plan.api.CallerApi;
import vn.actionmonth.e2e.client.plan.api.CampaignsApi;
import vn.actionmonth.e2e.client.plan.api.PlansApi;
import vn.actionmonth.e2e.client.plan.api.UnitsApi;
import vn.actionmonth.e2e.client.plan.model.CallerView;
import vn.actionmonth.e2e.client.plan.model.CampaignInput;
import vn.actionmonth.e2e.client.plan.model.PlanInput;
import vn.actionmonth.e2e.client.plan.model.PlanStatus;
import vn.actionmonth.e2e.client.plan.model.ReportingRequirement;
import vn.actionmonth.e2e.client.plan.model.Signer;
import vn.actionmonth.e2e.client.plan.model.UnitInput;
import vn.actionmonth.e2e.client.plan.model.UnitKind;
import vn.actionmonth.e2e.client.plan.model.UnitSummary;
import vn.actionmonth.e2e.client.report.ApiException;
import vn.actionmonth.e2e.client.report.ApiResponse;
import vn.actionmonth.e2e.client.report.api.CompletenessApi;
import vn.actionmonth.e2e.client.report.api.ConsolidationApi;
import vn.actionmonth.e2e.client.report.api.ReportsApi;
import vn.actionmonth.e2e.client.report.model.Basis;
import vn.actionmonth.e2e.client.report.model.Completeness;
import vn.actionmonth.e2e.client.report.model.ConsolidatedFigure;
import vn.actionmonth.e2e.client.report.model.Consolidation;
import vn.actionmonth.e2e.client.report.model.CreateReport;
import vn.actionmonth.e2e.client.report.model.Level;
import vn.actionmonth.e2e.client.report.model.Report;
import vn.actionmonth.e2e.client.report.model.ReportStatus;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's "one report, from a ward to the city", walked with Java clients generated from the
 * three committed OpenAPI documents and nothing else: if a document does not say what a service
 * does (a path, a parameter, a header, a field, a status), this walk does not compile or fails.
 * The README runs against the sample data; here the units, the 2023 campaign and its plans are
 * made first through the same clients (2023: a year no other walk uses), so that Phường Nguyễn
 * Trãi (23305) owes its results report to UBND thành phố Kon Tum (608).
 */
@ExtendWith(E2eStack.class)
class GeneratedClientWalkIT {

    static final UUID SYSTEM_UNIT = new UUID(0, 0);
    static final int YEAR = 2023;
    static final String THEME = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em";

    static Stack stack;
    static UUID ministry;
    static UUID city;
    static UUID ward;

    @BeforeAll
    static void theTreeTheCampaignAndThePlans() throws Exception {
        stack = E2eStack.get();
        UnitsApi system = new UnitsApi(plan(SYSTEM_UNIT, "system"));
        ministry = system.createUnit(unit(UnitKind.MINISTRY, "Bộ Lao động - Thương binh và Xã hội", null, null)
                .agencyCode("000.00.00.G12")).getId();
        UnitsApi admin = new UnitsApi(plan(ministry, "admin"));
        UUID province = admin.createUnit(unit(UnitKind.PROVINCE, "Ủy ban nhân dân tỉnh Kon Tum", "62", ministry)).getId();
        city = admin.createUnit(unit(UnitKind.DISTRICT, "Ủy ban nhân dân thành phố Kon Tum", "608", province)).getId();
        ward = admin.createUnit(unit(UnitKind.COMMUNE, "Phường Nguyễn Trãi", "23305", city)).getId();

        UUID campaign = new CampaignsApi(plan(ministry, "planner")).createCampaign(new CampaignInput()
                .name("Tháng hành động vì trẻ em năm " + YEAR).year(YEAR).theme(THEME)
                .periodStart(LocalDate.of(YEAR, 6, 1)).periodEnd(LocalDate.of(YEAR, 6, 30))
                .messages(List.of(THEME + ".", "Tổng đài 111 - tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi.")))
                .getId();
        UUID guidance = publish(ministry, plan(campaign, ministry, "1570/LĐTBXH-TE",
                "Hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2023", null)
                .reportingRequirement(requirement(province, ministry, "2023-08-01T00:00:00+07:00")));
        UUID provincePlan = publish(province, plan(campaign, province, "82/KH-UBND",
                "Triển khai Tháng hành động vì trẻ em tỉnh Kon Tum năm 2023", guidance)
                .reportingRequirement(requirement(city, province, "2023-07-20T00:00:00+07:00")));
        publish(city, plan(campaign, city, "131/KH-UBND",
                "Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em thành phố Kon Tum năm 2023", provincePlan)
                .reportingRequirement(requirement(ward, city, "2023-07-10T00:00:00+07:00")));
    }

    @Test
    void oneReportFromAWardToTheCity() throws Exception {
        vn.actionmonth.e2e.client.plan.ApiClient reporterPlan = plan(ward, "reporter");
        vn.actionmonth.e2e.client.report.ApiClient reporterReport = report(ward, "reporter");
        vn.actionmonth.e2e.client.plan.ApiClient approverPlan = plan(city, "approver");
        vn.actionmonth.e2e.client.report.ApiClient approverReport = report(city, "approver");

        // Who am I (any service)
        CallerView me = new CallerApi(reporterPlan).getCaller();
        assertThat(me.getUnitId()).isEqualTo(ward);
        assertThat(me.getRoles()).containsExactly("reporter");

        // Units: accent-insensitive search, the ward's ancestors
        UnitsApi units = new UnitsApi(reporterPlan);
        assertThat(units.searchUnits(null, null, "nguyen trai", null, null).getItems())
                .extracting(UnitSummary::getName).containsExactly("Phường Nguyễn Trãi");
        UUID wardId = units.searchUnits(null, "23305", null, null, null).getItems().get(0).getId();
        assertThat(wardId).isEqualTo(ward);
        assertThat(units.listAncestors(wardId)).extracting(UnitSummary::getAdminCode)
                .containsExactly(null, "62", "608");

        // The ward's deadline, as notification-service knows it from plan-service's events
        DeadlinesApi deadlines = new DeadlinesApi(notification(ward, "reporter"));
        Deadline deadline = await("the ward's deadline reaches notification-service").atMost(Duration.ofSeconds(60))
                .until(() -> deadlines.listDeadlines(null, null, "unit", null, null, null).getItems(), l -> !l.isEmpty())
                .get(0);
        assertThat(deadline.getPlanNumber()).isEqualTo("131/KH-UBND");
        assertThat(deadline.getDueAt()).isEqualTo(OffsetDateTime.parse("2023-07-10T00:00:00+07:00"));
        UUID obligation = deadline.getObligationId();

        // Enter the figures once (a draft), then submit it; the ETag guards against two editors
        ReportsApi reports = new ReportsApi(reporterReport);
        CreateReport draft = new CreateReport().obligationId(obligation)
                .figures(Map.of("LAUNCH_CEREMONY_HELD", true, "COMM_EVENTS", 12,
                        "FUND_RAISED_VND", 15_500_000L, "CHILDREN_GIFTED", 320))
                .results("Tổ chức Lễ phát động Tháng hành động vì trẻ em ngày 01/6/2023 tại Nhà văn hóa phường")
                .difficulties("Kinh phí hỗ trợ trẻ em có hoàn cảnh đặc biệt còn hạn chế")
                .proposals("Đề nghị UBND thành phố bổ sung kinh phí tổ chức dạy bơi cho trẻ em");
        ApiResponse<Report> created = await("the obligation reaches report-service").atMost(Duration.ofSeconds(60))
                .until(() -> created(reports, draft), r -> r != null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getStatus()).isEqualTo(ReportStatus.DRAFT);
        String location = header(created, "Location");
        UUID report = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(URI.create(location).getPath()).isEqualTo("/api/v1/reports/" + report);
        assertThat(created.getData().getId()).isEqualTo(report);
        ApiResponse<Report> submitted = reports.submitReportWithHttpInfo(report, UUID.randomUUID().toString(),
                header(created, "ETag"));
        assertThat(submitted.getStatusCode()).isEqualTo(200);
        assertThat(submitted.getData().getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        Report sent = reports.getReport(report);
        assertThat(sent.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(sent.getUnitId()).isEqualTo(ward);
        assertThat(sent.getRecipientId()).isEqualTo(city);
        assertThat(sent.getObligationId()).isEqualTo(obligation);
        assertThat(sent.getResults()).isEqualTo(draft.getResults());
        assertThat(sent.getSubmittedAt()).isNotNull();

        // The city sees it consolidated (own + children), its completeness, and can approve or return it
        UUID cityId = new UnitsApi(approverPlan).searchUnits(null, "608", null, null, null).getItems().get(0).getId();
        assertThat(cityId).isEqualTo(city);
        UUID campaign = new CampaignsApi(approverPlan).listCampaigns(YEAR).get(0).getId();
        ConsolidationApi consolidations = new ConsolidationApi(approverReport);
        await("the city's figures").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nonZero(consolidations.getConsolidation(cityId, null, campaign, null, null, null, null)))
                        .isEqualTo(WARD_FIGURES));
        // A dashboard polls with the ETag it holds: 304 and no body while nothing moved
        String figuresEtag = header(consolidations.getConsolidationWithHttpInfo(cityId, null, campaign, null, null, null, null),
                "ETag");
        assertThatThrownBy(() -> consolidations.getConsolidation(cityId, null, campaign, null, null, null, figuresEtag))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(304));
        Completeness completeness = new CompletenessApi(approverReport)
                .getCompleteness(cityId, campaign, Level.SUBTREE, null, null);
        // The ward's report is in, late (10 July 2023 is past on the services' clocks); the city's own,
        // owed to the province, is the one missing.
        assertThat(completeness.getOwed()).isEqualTo(2);
        assertThat(completeness.getReceived()).isEqualTo(1);
        assertThat(completeness.getLate()).isEqualTo(1);
        assertThat(completeness.getOnTime()).isZero();
        assertThat(completeness.getMissing()).isEqualTo(1);
        ReportsApi approver = new ReportsApi(approverReport);
        ApiResponse<Report> read = approver.getReportWithHttpInfo(report);
        assertThat(read.getData().getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        ApiResponse<Report> approved = approver.approveReportWithHttpInfo(report, header(read, "ETag"));
        assertThat(approved.getStatusCode()).isEqualTo(200);
        assertThat(approved.getData().getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approver.getReport(report).getApprovedAt()).isNotNull();
        await("the city's approved figures").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nonZero(consolidations.getConsolidation(cityId, Basis.APPROVED, campaign, null, null, null, null)))
                        .isEqualTo(WARD_FIGURES));

        // The city's inbox (notification-service): plan published, all children reported...
        InboxApi inbox = new InboxApi(notification(city, "approver"));
        await("the city hears that its ward reported").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inbox.listInbox(null, null, null).getItems()).extracting(InboxItem::getKind)
                        .contains("PLAN_PUBLISHED", "ALL_CHILDREN_REPORTED"));
    }

    /** The ward's figures as the city's consolidation counts them: a yes counts 1. */
    static final Map<String, Long> WARD_FIGURES = Map.of("LAUNCH_CEREMONY_HELD", 1L, "COMM_EVENTS", 12L,
            "FUND_RAISED_VND", 15_500_000L, "CHILDREN_GIFTED", 320L);

    static Map<String, Long> nonZero(Consolidation c) {
        return c.getFigures().stream().filter(f -> f.getTotal() != null && f.getTotal() != 0)
                .collect(Collectors.toMap(ConsolidatedFigure::getCode, ConsolidatedFigure::getTotal, (a, b) -> a, TreeMap::new));
    }

    /** The POST of the draft, or null while report-service does not know the obligation yet (404). */
    static ApiResponse<Report> created(ReportsApi reports, CreateReport draft) throws ApiException {
        try {
            return reports.createReportWithHttpInfo(draft, UUID.randomUUID().toString());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        assertThat(values).as("%s header", name).isNotNull().hasSize(1);
        return values.get(0);
    }

    static String header(vn.actionmonth.e2e.client.plan.ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        assertThat(values).as("%s header", name).isNotNull().hasSize(1);
        return values.get(0);
    }

    // --- the set-up, through plan-service's client ---

    static UnitInput unit(UnitKind kind, String name, String adminCode, UUID parent) {
        return new UnitInput().kind(kind).name(name).adminCode(adminCode).parentId(parent).validFrom(LocalDate.of(2020, 1, 1));
    }

    static PlanInput plan(UUID campaign, UUID issuer, String number, String title, UUID basis) {
        return new PlanInput().number(number).title(title).issuerId(issuer).campaignId(campaign).basisPlanId(basis)
                .theme(THEME).signer(new Signer().name("Nguyễn Văn A").title("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"));
    }

    static ReportingRequirement requirement(UUID reporting, UUID recipient, String due) {
        return new ReportingRequirement().reportingUnitIds(List.of(reporting)).recipientId(recipient)
                .indicatorSetCode("CAM").dueAt(OffsetDateTime.parse(due));
    }

    /** Creates the draft, then publishes it with the ETag of the draft. */
    static UUID publish(UUID issuer, PlanInput input) throws Exception {
        PlansApi plans = new PlansApi(plan(issuer, "planner"));
        var draft = plans.createPlanWithHttpInfo(input);
        assertThat(draft.getStatusCode()).isEqualTo(201);
        UUID id = draft.getData().getId();
        var published = plans.publishPlanWithHttpInfo(id, header(draft, "ETag"));
        assertThat(published.getData().getStatus()).isEqualTo(PlanStatus.PUBLISHED);
        return id;
    }

    // --- the clients, each as one official at one unit with some roles ---

    static vn.actionmonth.e2e.client.plan.ApiClient plan(UUID unit, String... roles) {
        vn.actionmonth.e2e.client.plan.ApiClient client = new vn.actionmonth.e2e.client.plan.ApiClient();
        client.updateBaseUri(stack.service("plan-service").endpoint().baseUrl());
        String bearer = "Bearer " + stack.token(unit, roles);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    static vn.actionmonth.e2e.client.report.ApiClient report(UUID unit, String... roles) {
        vn.actionmonth.e2e.client.report.ApiClient client = new vn.actionmonth.e2e.client.report.ApiClient();
        client.updateBaseUri(stack.service("report-service").endpoint().baseUrl());
        String bearer = "Bearer " + stack.token(unit, roles);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    static vn.actionmonth.e2e.client.notification.ApiClient notification(UUID unit, String... roles) {
        vn.actionmonth.e2e.client.notification.ApiClient client = new vn.actionmonth.e2e.client.notification.ApiClient();
        client.updateBaseUri(stack.service("notification-service").endpoint().baseUrl());
        String bearer = "Bearer " + stack.token(unit, roles);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }
}
