package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliProcessTest {

    @Test
    void gnuTimeFiguresAreReadFromTheLastLineOfItsFormat() {
        assertThat(CliProcess.gnuTimeFigures("412345 12.34 0.56\n")).containsExactly(412345, 12.34, 0.56);
        // a failed command: GNU time says so on a line of its own before the format's
        assertThat(CliProcess.gnuTimeFigures("Command exited with non-zero status 2\n98765 1.00 0.10\n"))
                .containsExactly(98765, 1.0, 0.1);
        assertThat(CliProcess.gnuTimeFigures("Command terminated by signal 9\n")).containsExactly(-1, -1, -1);
        assertThat(CliProcess.gnuTimeFigures("")).containsExactly(-1, -1, -1);
    }

    @Test
    void statTicksCountFieldsAfterTheCommandName() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
        String stat = "4242 (ja va) (x)) S 1 4242 4242 0 -1 4194560 52006 0 12 0 731 45 0 0 20 0 25 0 1234 0 0\n";
        assertThat(CliProcess.statTicks(stat)).containsExactly(731, 45);
    }
}
