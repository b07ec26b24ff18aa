package io.github.dualstack.core.model;

import java.util.ArrayList;
import java.util.List;

/** One value per IP family, as the descriptor's {@code {ipv4: ..., ipv6: ...}} objects; either may be absent. */
public record FamilyPair<T>(T ipv4, T ipv6) {

    public T get(IpFamily family) {
        return family == IpFamily.IPv4 ? ipv4 : ipv6;
    }

    public boolean has(IpFamily family) {
        return get(family) != null;
    }

    /** The present values in the given family order: the site's order, primary first. */
    public List<T> inOrder(List<IpFamily> families) {
        List<T> out = new ArrayList<>(families.size());
        for (IpFamily f : families) {
            if (has(f)) {
                out.add(get(f));
            }
        }
        return out;
    }
}
