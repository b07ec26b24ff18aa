package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Time spans as systemd.time(7) writes them, of at least a minute. */
class SystemdTimeSpanTest {

    @ParameterizedTest
    @ValueSource(strings = {"5min", "1h", "1h 30min", "1h30min", "90s", "60", "1.5h", "2 d", "1w", "1M", "1y", "3minutes"})
    void accepted(String span) {
        assertThat(SystemdTimeSpan.problem(span)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 minuts|'minuts' is no unit",
            "''|must be a systemd time span such as 5min",
            "' 5min'|must be a systemd time span",
            "5min;reboot|must be a systemd time span",
            "-5min|must be a systemd time span",
            "min|must be a systemd time span",
            "30s|is 30s: a recheck more often than once a minute only keeps the node busy; give at least 1min",
            "0.5min|is 30s",
            "5ms|'ms' is no unit"})
    void refused(String span, String problem) {
        assertThat(SystemdTimeSpan.problem(span)).contains(problem);
    }
}
