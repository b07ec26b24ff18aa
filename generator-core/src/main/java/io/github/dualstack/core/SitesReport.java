package io.github.dualstack.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call over many sites did: each site's own report of the mode, or why it could not run (its
 * descriptor unreadable, say), in the order of their names. The run succeeds only when every site does.
 */
public record SitesReport<R extends Report>(List<SiteResult<R>> sites, Duration elapsed) {

    /** One site: exactly one of {@code report} and {@code failure}. */
    public record SiteResult<R extends Report>(SiteSet.Entry site, Optional<R> report, Optional<String> failure) {
        public SiteResult {
            Objects.requireNonNull(site, "site");
            if (report.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("a site has either a report or a failure");
            }
        }

        public boolean ok() {
            return report.map(Report::ok).orElse(false);
        }
    }

    public SitesReport {
        sites = List.copyOf(sites);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean ok() {
        return sites.stream().allMatch(SiteResult::ok);
    }

    /** The names of the sites that failed, in order. */
    public List<String> failed() {
        return sites.stream().filter(s -> !s.ok()).map(s -> s.site().name()).toList();
    }

    /** One line: how many sites, which failed, and how long the run took. */
    public String summary() {
        List<String> failed = failed();
        String time = String.format("%.1fs", elapsed.toMillis() / 1000.0);
        return sites.size() + " site(s): " + (sites.size() - failed.size()) + " ok, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")") + " (" + time + ")";
    }
}
