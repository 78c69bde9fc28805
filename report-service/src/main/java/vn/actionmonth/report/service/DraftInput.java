package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** What a reporter enters: figures per indicator code and the narrative. */
public record DraftInput(Map<String, JsonNode> figures, String results, String difficulties, String proposals) {
}
