package vn.actionmonth.plan.service;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign to create.
 *
 * @param messages       the numbered messages and slogans, in order
 * @param defaultDueDate reports of plans whose deadline rule is CAMPAIGN_DEFAULT are due before this day
 */
public record CampaignDraft(String name, Integer year, String theme, LocalDate periodStart, LocalDate periodEnd,
                            List<String> messages, LocalDate defaultDueDate) {
}
