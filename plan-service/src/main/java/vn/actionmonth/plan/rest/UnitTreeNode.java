package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.actionmonth.plan.service.UnitTree;

import java.util.List;

@Schema(name = "UnitTreeNode", description = "A unit with its children, nested")
public record UnitTreeNode(UnitSummary unit, List<UnitTreeNode> children) {

    public static UnitTreeNode of(UnitTree t) {
        return new UnitTreeNode(UnitSummary.of(t.unit()), t.children().stream().map(UnitTreeNode::of).toList());
    }
}
