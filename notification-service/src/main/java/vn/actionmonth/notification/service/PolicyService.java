package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.notification.config.NotificationConfig;
import vn.actionmonth.notification.domain.CampaignPolicy;
import vn.actionmonth.notification.domain.ReminderPolicy;
import vn.actionmonth.notification.repository.CampaignPolicyRepository;
import vn.actionmonth.notification.repository.DeadlineRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The reminder policy of a campaign: its own, or the configured default. */
@ApplicationScoped
public class PolicyService {

    private final NotificationConfig config;
    private final CampaignPolicyRepository policies;
    private final DeadlineRepository deadlines;
    private final Clock clock;

    public PolicyService(NotificationConfig config, CampaignPolicyRepository policies, DeadlineRepository deadlines,
                         Clock clock) {
        this.config = config;
        this.policies = policies;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The policy and its version (0 while the campaign uses the default). */
    public record Versioned(ReminderPolicy policy, long version, boolean campaignOwn) {
    }

    public ReminderPolicy defaultPolicy() {
        NotificationConfig.Policy p = config.policy();
        return new ReminderPolicy(p.reminderDaysBefore(), p.atDue(), p.overdueDaysAfter(),
                p.escalationDaysAfter().isPresent() ? p.escalationDaysAfter().getAsInt() : null);
    }

    public ReminderPolicy policyFor(UUID campaignId) {
        return find(campaignId).policy();
    }

    @Transactional
    public Versioned find(UUID campaignId) {
        Optional<CampaignPolicy> own = campaignId == null ? Optional.empty() : policies.findByIdOptional(campaignId);
        return own.map(p -> new Versioned(p.toPolicy(), p.version, true))
                .orElseGet(() -> new Versioned(defaultPolicy(), 0, false));
    }

    /**
     * Sets the campaign's policy if {@code expectedVersion} is still current; open deadlines of the
     * campaign are re-planned by the scheduler's next run. Steps already sent stay sent.
     */
    @Transactional
    public Versioned replace(UUID campaignId, ReminderPolicy policy, long expectedVersion, String by) {
        CampaignPolicy own = policies.findByIdOptional(campaignId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        long current = own == null ? 0 : own.version;
        if (current != expectedVersion) {
            throw vn.actionmonth.common.problem.Problems.preconditionFailed(
                    "the reminder policy is at version " + current + ", not " + expectedVersion);
        }
        if (own == null) {
            own = new CampaignPolicy();
            own.campaignId = campaignId;
            own.version = 0;
        }
        own.apply(policy);
        own.version = current + 1;
        own.updatedAt = clock.instant();
        own.updatedBy = by;
        policies.persist(own);
        deadlines.replanCampaign(campaignId);
        return new Versioned(own.toPolicy(), own.version, true);
    }
}
