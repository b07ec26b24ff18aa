package io.github.dualstack.core.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time span as systemd parses it for timer settings such as {@code OnUnitActiveSec=} (systemd.time(7),
 * {@code parse_sec} in systemd src/basic/time-util.c): numbers with units, summed, optionally separated by blanks;
 * a bare number is seconds. Sub-second units are left out: the spans checked here are at least a minute.
 */
public final class SystemdTimeSpan {

    /** Seconds per unit, with systemd's spellings (a month is 30.44 days, a year 365.25). */
    private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
            Map.entry("s", BigDecimal.ONE), Map.entry("sec", BigDecimal.ONE), Map.entry("second", BigDecimal.ONE),
            Map.entry("seconds", BigDecimal.ONE),
            Map.entry("m", BigDecimal.valueOf(60)), Map.entry("min", BigDecimal.valueOf(60)),
            Map.entry("minute", BigDecimal.valueOf(60)), Map.entry("minutes", BigDecimal.valueOf(60)),
            Map.entry("h", BigDecimal.valueOf(3600)), Map.entry("hr", BigDecimal.valueOf(3600)),
            Map.entry("hour", BigDecimal.valueOf(3600)), Map.entry("hours", BigDecimal.valueOf(3600)),
            Map.entry("d", BigDecimal.valueOf(86400)), Map.entry("day", BigDecimal.valueOf(86400)),
            Map.entry("days", BigDecimal.valueOf(86400)),
            Map.entry("w", BigDecimal.valueOf(604800)), Map.entry("week", BigDecimal.valueOf(604800)),
            Map.entry("weeks", BigDecimal.valueOf(604800)),
            Map.entry("M", BigDecimal.valueOf(2629800)), Map.entry("month", BigDecimal.valueOf(2629800)),
            Map.entry("months", BigDecimal.valueOf(2629800)),
            Map.entry("y", BigDecimal.valueOf(31557600)), Map.entry("year", BigDecimal.valueOf(31557600)),
            Map.entry("years", BigDecimal.valueOf(31557600)));
    private static final Pattern PART = Pattern.compile("\\G *([0-9]{1,9}(?:\\.[0-9]{1,6})?) *([A-Za-z]*)");

    /** The shortest span accepted: a recheck more often would mostly run ip and cmp. */
    public static final int MIN_SECONDS = 60;

    private SystemdTimeSpan() {
    }

    /** Why {@code text} is no span of at least {@link #MIN_SECONDS} that systemd accepts, or null. */
    public static String problem(String text) {
        String syntax = "must be a systemd time span such as 5min, 1h or 1h 30min (systemd.time(7)): whole or"
                + " decimal numbers with the units s, min, h, d, w, M or y";
        if (text.isEmpty() || !text.equals(text.strip())) {
            return syntax;
        }
        Matcher m = PART.matcher(text);
        BigDecimal seconds = BigDecimal.ZERO;
        int end = 0;
        while (end < text.length() && m.find() && m.end() > end) {
            BigDecimal unit = m.group(2).isEmpty() ? BigDecimal.ONE : UNITS.get(m.group(2));
            if (unit == null) {
                return syntax + "; '" + m.group(2) + "' is no unit";
            }
            seconds = seconds.add(new BigDecimal(m.group(1)).multiply(unit));
            end = m.end();
        }
        if (end != text.length()) {
            return syntax;
        }
        if (seconds.compareTo(BigDecimal.valueOf(MIN_SECONDS)) < 0) {
            return "is " + seconds.stripTrailingZeros().toPlainString() + "s: a recheck more often than once a"
                    + " minute only keeps the node busy; give at least 1min";
        }
        return null;
    }
}
