package vn.actionmonth.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Deadlines and dates as officials read them: Asia/Ho_Chi_Minh, dd/MM/yyyy. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnamTime() {
    }

    /** "trước ngày 20/7/2024" is due at the start of that day in Vietnam: 2024-07-20T00:00+07:00. */
    public static OffsetDateTime dueBefore(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    public static String date(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).format(DATE);
    }
}
