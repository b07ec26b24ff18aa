package io.github.dualstack.core.model;

import java.util.Optional;
import java.util.SortedMap;

/** An edge node with the edge defaults already applied; labels are the defaults merged with its own. */
public record EdgeNode(String name, String interfaceName, FamilyPair<String> addresses, String kubeedgeVersion,
                       IpFamily hubFamily, String hubProtocol, String cgroupDriver, String containerRuntimeEndpoint,
                       SortedMap<String, String> labels, Optional<String> cloudCoreAddress) {
}
