package vn.actionmonth.benchmark;

import java.util.List;
import java.util.UUID;

/** A published campaign of the benchmark: who owes what. */
record Campaign(UUID id, UUID ministry, UUID aProvince, int unitCount, List<Obligation> obligations) {

    record Obligation(UUID id, UUID unitId, UUID planId) {
    }
}
