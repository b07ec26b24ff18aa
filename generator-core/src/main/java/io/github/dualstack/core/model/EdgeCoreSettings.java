package io.github.dualstack.core.model;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.net.IpAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an edge's EdgeCore runs with beyond its hub connection (reference kubeedge.md section 3): the MetaServer
 * (modules.metaManager.metaServer.enable), edged's cluster DNS servers, cluster domain (empty: the site's
 * dnsDomain), pause image and pod limit. A node's own setting wins over its group's, the group's over the edge
 * defaults'; {@code declaredAt} names, by descriptor key, the group or node field that set a value (a value
 * missing there is the edge defaults'). Edges that set none of them share their group's instance, groups that set
 * none the defaults'. A cluster DNS entry that did not parse is left out of {@code clusterDns} (and reported at its
 * index of the field that set it).
 */
public record EdgeCoreSettings(boolean metaServer, List<IpAddress> clusterDns, Optional<String> clusterDomain,
                               String podSandboxImage, int maxPods, SortedMap<String, FieldPath> declaredAt) {

    public EdgeCoreSettings {
        clusterDns = List.copyOf(clusterDns);
        declaredAt = Collections.unmodifiableSortedMap(new TreeMap<>(declaredAt));
    }

    /** Settings of the edge defaults themselves. */
    public EdgeCoreSettings(boolean metaServer, List<IpAddress> clusterDns, Optional<String> clusterDomain,
                            String podSandboxImage, int maxPods) {
        this(metaServer, clusterDns, clusterDomain, podSandboxImage, maxPods, new TreeMap<>());
    }
}
