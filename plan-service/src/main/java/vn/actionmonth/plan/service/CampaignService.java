package vn.actionmonth.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.repository.CampaignRepository;

import java.util.List;
import java.util.UUID;

/**
 * Campaigns are national: created by the root unit (the ministry) or a system account. A new
 * campaign receives the obligations of the standing plans that cover it, in the same transaction.
 */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final Access access;
    private final PlanService plans;
    private final Outbox outbox;

    public CampaignService(CampaignRepository campaigns, Access access, PlanService plans, Outbox outbox) {
        this.campaigns = campaigns;
        this.access = access;
        this.plans = plans;
        this.outbox = outbox;
    }

    @Transactional
    public Campaign create(CampaignDraft in) {
        return create(UUID.randomUUID(), in);
    }

    /** With a given id: the sample campaign keeps a fixed id. */
    @Transactional
    public Campaign create(UUID id, CampaignDraft in) {
        if (!access.isSystem()) {
            if (!(access.has(Roles.ADMIN) || access.has(Roles.PLANNER)) || access.home().parentId != null) {
                throw Problems.forbidden("campaigns are created by an admin or planner of the root unit, or a system account");
            }
        }
        if (in.periodEnd().isBefore(in.periodStart())) {
            throw Problems.invalid("periodEnd", "must not be before periodStart " + in.periodStart());
        }
        Campaign c = new Campaign();
        c.id = id;
        c.name = Texts.nfc(in.name());
        c.year = in.year();
        c.theme = Texts.nfc(in.theme());
        c.periodStart = in.periodStart();
        c.periodEnd = in.periodEnd();
        c.messages = new java.util.ArrayList<>(Texts.nfc(in.messages()));
        c.defaultDueDate = in.defaultDueDate();
        c.version = 1;
        campaigns.persist(c);
        // standing plans that cover it owe their reports for it from now on
        outbox.appendAll(plans.applyStandingPlans(c));
        return c;
    }

    public Campaign get(UUID id) {
        return campaigns.findByIdOptional(id).orElseThrow(() -> Problems.notFound("campaign", id));
    }

    public List<Campaign> list(Integer year) {
        return year == null ? campaigns.listAll(io.quarkus.panache.common.Sort.by("year").descending())
                : campaigns.list("year", year);
    }
}
