package vn.actionmonth.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;

import java.util.List;

@Schema(name = "IndicatorSet", description = "A versioned set of indicators reports carry")
public record IndicatorSetView(
        @Schema(examples = "CAM") String code,
        @Schema(examples = "1") int version,
        @Schema(examples = "Tháng hành động vì trẻ em") String name,
        List<IndicatorView> indicators) {

    @Schema(name = "Indicator")
    public record IndicatorView(
            @Schema(examples = "FUND_RAISED_VND") String code,
            @Schema(examples = "resources") String group,
            @Schema(examples = "Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em") String nameVi,
            @Schema(examples = "Money raised for the Child Protection Fund") String nameEn,
            @Schema(examples = "VND") String unit,
            @Schema(description = "integer, money (whole VND), boolean or text", examples = "money") String type,
            @Schema(description = "sum, count_true or none", examples = "sum") String aggregation) {
    }

    static IndicatorSetView of(IndicatorSet s) {
        return new IndicatorSetView(s.code(), s.version(), s.name(), s.indicators().stream().map(IndicatorSetView::of).toList());
    }

    static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code(), i.group(), i.nameVi(), i.nameEn(), i.unit(), i.type().code(), i.aggregation().code());
    }
}
