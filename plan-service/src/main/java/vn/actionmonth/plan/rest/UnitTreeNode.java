package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "UnitTreeNode", description = "A unit with its children, nested")
public record UnitTreeNode(UnitSummary unit, List<UnitTreeNode> children) {
}
