package io.github.dualstack.core.rules;

import java.util.List;
import java.util.Locale;

/**
 * Every rule dualstack enforces on a descriptor or its output: what it says, the upstream source it follows, the
 * class that holds its limits or logic (its home), and where it is applied (classes under io.github.dualstack.core,
 * or the schema). docs/rules.md is generated from this list by {@link RulesPage}.
 */
public enum Rule {
    // ---- Kubernetes networks
    SERVICE_SUBNET_SIZE(Section.NETWORKS,
            "A service subnet has at most 20 host bits and at least 10 addresses: IPv4 /12 to /28, IPv6 /108 to /124.",
            "kube-apiserver `validateClusterIPFlags` (`maxCIDRBits`, cmd/kube-apiserver/app/options/validation.go);"
                    + " kubeadm `ValidateServiceSubnetSize`, `MaximumBitsForServiceSubnet`, `MinimumAddressesInServiceSubnet`"
                    + " (cmd/kubeadm/app/constants/constants.go)",
            KubernetesLimits.class, "validate.NetworkRules", "check.KubeadmConfigs"),
    POD_SUBNET_SIZE(Section.NETWORKS,
            "A pod subnet holds at least 14 addresses: IPv4 /28, IPv6 /124 or larger.",
            "kubeadm `ValidateIPNetFromString`, `MinimumAddressesInPodSubnet`", KubernetesLimits.class,
            "validate.NetworkRules", "check.KubeadmConfigs"),
    POD_AND_SERVICE_SUBNETS_APART(Section.NETWORKS,
            "The pod and service subnets of a family do not overlap.",
            "kube-apiserver `--service-cluster-ip-range` must not overlap pod ranges (kube-controller-manager marks"
                    + " service ranges occupied in the cluster CIDR)", null, "validate.NetworkRules"),
    NODE_MASK_WITHIN_POD_SUBNET(Section.NETWORKS,
            "With node IPAM on, each family's node mask lies between the pod prefix and the pod prefix + 16.",
            "kubeadm `ValidatePodSubnetNodeMask`, `PodSubnetNodeMaskMaxDiff`; kube-controller-manager `NewCIDRSet`,"
                    + " `clusterSubnetMaxDiff` (pkg/controller/nodeipam/ipam/cidrset/cidr_set.go)",
            KubernetesLimits.class, "validate.NetworkRules", "check.KubeadmConfigs"),
    NODE_RANGES_FOR_EVERY_NODE(Section.NETWORKS,
            "With node IPAM on, 2^(node mask - pod prefix) node ranges cover every cloud and edge node.",
            "kube-controller-manager `CidrSet.AllocateNext` (`ErrCIDRRangeNoCIDRsRemaining`)", null,
            "validate.NetworkRules"),
    EXACT_FAMILIES(Section.NETWORKS,
            "Every per-family pair (subnets, node masks, node addresses, Calico pools) names exactly the site's ipFamilies.",
            "dual-stack consistency: one family order and set across kube-apiserver, kube-controller-manager, kubelet,"
                    + " kube-proxy and Calico", null,
            "validate.Checks", "validate.NetworkRules", "validate.NodeRules", "validate.CalicoRules"),
    STRICT_IP_LITERALS(Section.NETWORKS,
            "IP and CIDR literals are strict: no leading zeros, zones, mixed or IPv4-mapped IPv6, bits past the prefix.",
            "k8s.io/apimachinery/pkg/api/validate/ip.go; Calico `IPPool CIDR is not strictly masked`", null,
            "net.IpLiterals", "descriptor.Literals", "check.Addresses"),
    RESERVED_RANGES(Section.NETWORKS,
            "No subnet overlaps loopback, link-local, multicast or unspecified ranges; no node or advertise address is one.",
            "Calico `validateAndSetDefaults` (link-local pools); kubelet node IP validation", null,
            "validate.ReservedRanges", "validate.NetworkRules", "validate.NodeRules", "validate.CalicoRules",
            "validate.CloudCoreRules"),
    SITE_LOCAL_WARNING(Section.NETWORKS,
            "An IPv6 subnet in the deprecated site-local fec0::/10 is a warning.",
            "kubeadm `ValidateIPNetFromString` (RFC 3879)", null, "validate.NetworkRules"),
    HOST_PORT(Section.NETWORKS,
            "In host:port an IPv6 host is bracketed, and only an IPv6 host; the host is an IP or a DNS-1123 subdomain.",
            "Go `net.JoinHostPort`, `net.SplitHostPort` (src/net/ipsock.go); RFC 3986 section 3.2.2", HostPort.class,
            "validate.NetworkRules", "plan.SiteFacts", "plan.EdgeBuilder", "check.Addresses"),
    PORT_NUMBER(Section.NETWORKS,
            "Every port is 1 to 65535.",
            "apimachinery `IsValidPortNum` (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go);"
                    + " KubeEdge `ValidateModuleCloudHub`", KubernetesLimits.class,
            "schema $defs/port", "validate.NetworkRules", "validate.CloudCoreRules", "check.Fields", "check.Addresses"),
    NODE_PORT_RANGE(Section.NETWORKS,
            "With NodePort exposure, CloudCore's NodePorts are 30000 to 32767.",
            "kube-apiserver `DefaultServiceNodePortRange` (pkg/kubeapiserver/options)", KubernetesLimits.class,
            "validate.CloudCoreRules"),

    // ---- control-plane static pods
    MANAGED_FLAGS(Section.CONTROL_PLANE,
            "extraArgs do not set a flag that dualstack derives from the descriptor.",
            "dualstack: the descriptor field is the single source of the flag", null, "validate.ExtraArgsRules"),
    FILE_FLAGS_MOUNTED(Section.CONTROL_PLANE,
            "Every path a file-valued extraArgs flag names is absolute and lies under a mountPath of its component's"
                    + " kubeadm volumes or extraVolumes (normalized), on a writable mount when the component writes it.",
            "kubeadm#640 (kube-apiserver exits on a flag file it cannot see); kubeadm `getHostPathVolumesForTheControlPlane`"
                    + " (cmd/kubeadm/app/phases/controlplane/volumes.go); each flag's `AddFlags` in the kube-apiserver and"
                    + " kube-controller-manager options", ControlPlaneFileFlags.class, "validate.ExtraVolumesRules"),
    EXTRA_VOLUMES(Section.CONTROL_PLANE,
            "extraVolumes have absolute hostPath and mountPath without '..', names that are unique and none of kubeadm's"
                    + " own volumes of the component, and no mountPath that another mount of the container has.",
            "kubeadm `HostPathMount` (cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go), `AddExtraHostPathMounts` (an extra"
                    + " volume replaces kubeadm's of the same name); Kubernetes `validatePathNoBacksteps`,"
                    + " `ValidateVolumeMounts` (pkg/apis/core/validation/validation.go)", KubeadmVolumes.class,
            "schema $defs/hostPathMount", "validate.ExtraVolumesRules", "plan.ControlPlaneBuilder"),

    // ---- new clusters built with kubeadm
    KUBEADM_API_VERSION(Section.NEW_CLUSTER,
            "A new cluster's kubeadm files use kubeadm.k8s.io/v1beta4 from Kubernetes 1.31, with extraArgs and"
                    + " kubeletExtraArgs as lists of name/value, and v1beta3 on 1.30, with both as maps.",
            "kubeadm `ControlPlaneComponent.ExtraArgs`, `NodeRegistrationOptions.KubeletExtraArgs`"
                    + " (cmd/kubeadm/app/apis/kubeadm/v1beta3/types.go, v1beta4/types.go; v1beta4 is new in kubeadm 1.31)",
            KubeadmApi.class, "plan.KubeadmBuilder", "check.KubeadmConfigs"),
    KUBEADM_CONFIG_KEYS(Section.NEW_CLUSTER,
            "kubeadm files hold only the keys of kubeadm's and kube-proxy's Go types, in their shapes"
                    + " (schemas/kubeadm.schema.json), and one InitConfiguration with its ClusterConfiguration, or one"
                    + " JoinConfiguration.",
            "kubeadm `VerifyUnmarshalStrict` (cmd/kubeadm/app/util/config/strict) only warns about an unknown key and"
                    + " then ignores it; kubeadm's and kube-proxy's Go types (v1beta3/types.go, v1beta4/types.go,"
                    + " staging/src/k8s.io/kube-proxy/config/v1alpha1/types.go)", null,
            "check.KubeadmConfigs"),
    KUBEADM_NEW_CLUSTER(Section.NEW_CLUSTER,
            "A cluster built with bootstrap: kubeadm has no baseline and runs kubeadm's local etcd; with several"
                    + " control-plane nodes and no controlPlaneEndpoint, the first node's address is the endpoint"
                    + " (a warning).",
            "kubeadm `ExternalEtcd` needs client certificate files; `kubeadm join --control-plane` refuses a cluster"
                    + " without a stable controlPlaneEndpoint (cmd/kubeadm/app/cmd/phases/join/preflight.go)", null,
            "validate.KubeadmBootstrapRules"),
    KUBEADM_JOIN_SECRETS(Section.NEW_CLUSTER,
            "Join files carry placeholders for the bootstrap token, the CA certificate hash and the certificate key;"
                    + " the runbook fills a copy under /run at join time.",
            "kubeadm `BootstrapTokenDiscovery.Token`, `CACertHashes`, `JoinControlPlane.CertificateKey`; `--config`"
                    + " mixes with no token flag (`ValidateMixedArguments`, cmd/kubeadm/app/apis/kubeadm/validation)",
            null, "plan.KubeadmBuilder", "plan.RunbookBuilder"),

    // ---- names
    DNS1123_LABEL(Section.NAMES,
            "Site, node, namespace and volume names are DNS-1123 labels: at most 63 lowercase letters, digits and '-'.",
            "apimachinery `IsDNS1123Label`, `DNS1123LabelMaxLength`", Dns1123.class,
            "schema $defs/dnsLabel", "check.KubernetesObjects", "check.Pods"),
    DNS1123_SUBDOMAIN(Section.NAMES,
            "DNS names and host names are DNS-1123 subdomains: dot-separated labels, at most 253 characters.",
            "apimachinery `IsDNS1123Subdomain`, `DNS1123SubdomainMaxLength`; KubeEdge `ValidateNodeName`", Dns1123.class,
            "schema $defs/dnsSubdomain", "validate.NetworkRules", "validate.CalicoRules", "check.KubernetesObjects",
            "check.EdgeCoreConfigs"),
    HELM_RELEASE_NAME(Section.NAMES,
            "helmRelease is a DNS-1123 label of at most 53 characters.",
            "Helm `ValidateReleaseName`, `maxReleaseNameLen` (pkg/chartutil/validate_name.go)", CloudCoreChart.class,
            "schema $defs/cloudCore"),
    UNIQUE_NODE_NAMES(Section.NAMES,
            "Node names are unique across cloud and edge nodes (each becomes a Node and a directory).",
            "Kubernetes Node objects are named uniquely", null, "validate.NodeRules"),
    INTERFACE_NAME(Section.NAMES,
            "Interface names are 1 to 15 bytes, not '.' or '..', without '/', ':' or whitespace, and use letters,"
                    + " digits and . _ - @ +.",
            "Linux `dev_valid_name` (net/core/dev.c), `IFNAMSIZ` (include/uapi/linux/if.h)", LinuxInterfaceName.class,
            "validate.NodeRules"),

    // ---- nodes
    CONTROL_PLANE_NODE(Section.NODES,
            "At least one cloud node has role control-plane.",
            "kubeadm layout: static pods of the control plane", null, "validate.NodeRules"),
    UNIQUE_NODE_ADDRESSES(Section.NODES,
            "No two nodes share an address, however it is spelled; only edges of sharedPrivateLan groups may share an"
                    + " IPv4 address, with each other.",
            "kubelet `--node-ip`: a node's InternalIP identifies it; kubeedge/kubeedge#4414 (shops behind NAT reuse one"
                    + " private LAN)", null, "validate.NodeRules"),
    EDGE_SETTING_PRECEDENCE(Section.NODES,
            "An edge node's own setting wins over its group's, the group's over spec.edge.defaults; labels merge in that"
                    + " order; a node names an existing group.",
            "keadm join flags per node; kubectl label semantics (a later value of a key replaces the earlier)", null,
            "descriptor.SiteBinder", "validate.EdgeFleetRules"),
    DISCOVERED_NODE_ADDRESS(Section.NODES,
            "A discovered address is the one global, preferred address on the interface inside the prefix: not"
                    + " temporary, deprecated, tentative or failed, no ULA without a prefix; none or several stop join.sh.",
            "RFC 8981 (temporary addresses), RFC 4862 sections 5.4 and 5.5.4 (tentative, deprecated, preferred"
                    + " lifetime), RFC 4193 (fc00::/7); iproute2 `ip -j addr` flags (ip/ipaddress.c)", null,
            "plan.EdgeBuilder", "validate.EdgeFleetRules"),
    DISCOVERED_ADDRESS_WARNING(Section.NODES,
            "A discovered address is a warning: it escapes the duplicate and cluster-range checks and the runbook.",
            "KubeEdge edged detects the node IP itself only while nodeIP is unset (kubeedge/kubeedge#4641), which"
                    + " cannot give a dual-stack pair", null, "validate.EdgeFleetRules"),
    DISCOVERED_ADDRESS_RECHECK(Section.NODES,
            "discover.recheckEvery is a systemd time span of at least 1min; join.sh gives a timer to the nodes that"
                    + " discover an address, and nodeIP stays set.",
            "systemd.time(7) and `parse_sec` (systemd src/basic/time-util.c) for OnUnitActiveSec=; KubeEdge edged finds"
                    + " the node IP itself only while nodeIP is unset (kubeedge/kubeedge#4641), a single address",
            SystemdTimeSpan.class, "validate.EdgeFleetRules"),
    INVENTORY_VALUES_ONLY(Section.NODES,
            "An inventory is UTF-8 text without control characters or spreadsheet formulas, inside the descriptor's"
                    + " directory and within the descriptor limit; every problem is reported at its line and column.",
            "OWASP CSV Injection; RFC 4180 (CSV)", CsvInjection.class, "descriptor.CsvInventory", "descriptor.Inventory"),
    NODE_ADDRESSES_OUTSIDE_CLUSTER_RANGES(Section.NODES,
            "Node and advertise addresses lie outside the pod and service subnets.",
            "pod and service ranges are virtual: routed by CNI and kube-proxy, not by the node network", null,
            "validate.NodeRules", "validate.CloudCoreRules"),

    // ---- Calico
    CALICO_POOL_PER_FAMILY(Section.CALICO,
            "There is one Calico IPPool for each of the site's families and none for another.",
            "Calico `assign_ipv4`/`assign_ipv6` and the pools agree with the enabled families", null,
            "validate.CalicoRules"),
    CALICO_BLOCK_SIZE(Section.CALICO,
            "The block size is 20 to 32 for IPv4 and 116 to 128 for IPv6.",
            "Calico `validateAndSetDefaults` (libcalico-go/lib/clientv3/ippool.go)", CalicoIpPool.class,
            "validate.CalicoRules"),
    CALICO_POOL_HOLDS_A_BLOCK(Section.CALICO,
            "A pool's prefix is not longer than its block size.",
            "Calico `validateAndSetDefaults`: IP pool size is too small for use with Calico IPAM", CalicoIpPool.class,
            "validate.CalicoRules"),
    CALICO_POOL_IN_POD_SUBNET(Section.CALICO,
            "A pool lies inside its family's pod subnet.",
            "Calico pools should lie inside kube-controller-manager's `--cluster-cidr`", null, "validate.CalicoRules"),
    CALICO_AUTODETECTION(Section.CALICO,
            "Autodetection methods are ones calico-node accepts; interface regexes are RE2 and contain no comma.",
            "calico-node `autodetection` (node/pkg/lifecycle/startup/autodetection/autodetection_methods.go)", null,
            "validate.CalicoRules"),
    CALICO_BASE_IN_REPOSITORY(Section.CALICO,
            "calico.base is a relative directory inside the repository, never a remote base.",
            "kustomize resources may be URLs or absolute paths, which every `kubectl apply -k` would fetch or read",
            null, "validate.CalicoRules"),
    CALICO_PROBES_MATCH_BACKEND(Section.CALICO,
            "calico-node's probes run BIRD's checks only when the backend is bird; with vxlan or none, Felix's alone.",
            "Calico `node/filesystem/etc/rc.local` starts no BIRD for vxlan; calico.yaml and calico-vxlan.yaml probes;"
                    + " `node/pkg/health/health.go`", CalicoHealth.class, "plan.CalicoBuilder"),
    CALICO_OPERATOR_OWNS_CALICO_NODE(Section.CALICO,
            "With the Tigera operator, Calico is changed through its Installation default only: no calico-config or"
                    + " calico-node patch is written, and calico-node is kept off edge nodes by"
                    + " spec.calicoNodeDaemonSet's affinity, which replaces calico-node's whole.",
            "projectcalico/calico#6133, #9369 (the operator reverts edits); tigera/operator api/v1/calico_node_types.go"
                    + " (CalicoNodeDaemonSet, operator v1.28 and later)", CalicoOperator.class,
            "plan.CalicoInstallationBuilder", "plan.EdgePlacement", "validate.CalicoOperatorRules"),
    CALICO_OPERATOR_AUTODETECTION(Section.CALICO,
            "Each family's autodetection is written as the one nodeAddressAutodetectionV4/V6 method that makes the"
                    + " operator give calico-node that method; a family without one is not autodetected.",
            "tigera/operator `getAutodetectionMethod` (pkg/render/node.go), `validateNodeAddressDetection`"
                    + " (pkg/controller/installation/validation.go)", CalicoOperator.class,
            "plan.CalicoInstallationBuilder"),
    CALICO_OPERATOR_POOLS_AFTER_INSTALL(Section.CALICO,
            "On a running site the Installation's pools are never changed or removed (matched by CIDR; block size"
                    + " fixed), and a pool is added there only where the operator creates it: operator v1.34 (Calico"
                    + " v3.28) or later, Calico CNI, BGP for IPIP and unencapsulated pools, no VXLAN with host-local"
                    + " IPAM; an Installation with no pools gets a projectcalico.org/v3 IPPool beside it.",
            "tigera/operator pkg/controller/ippool/pool_controller.go (deletes an owned pool that leaves the list, creates"
                    + " through the API server once pools exist), pkg/controller/installation/validation.go",
            CalicoOperator.class, "validate.CalicoOperatorRules", "plan.CalicoInstallationBuilder"),

    // ---- CloudCore and edges
    ADVERTISE_ADDRESSES(Section.KUBEEDGE,
            "advertiseAddresses are bare, distinct IPs of the site's families, at least one per family.",
            "KubeEdge CloudCore puts only IPs in its certificate (cloud/pkg/cloudhub/servers/httpserver/pre_server.go)",
            null, "validate.CloudCoreRules", "check.CloudCoreConfigs"),
    EDGE_DIALS_A_SAN(Section.KUBEEDGE,
            "An edge's cloudCoreAddress is an advertise address or a dnsName of its hubFamily.",
            "TLS: EdgeHub verifies CloudCore's certificate, whose SANs are advertiseAddress and dnsNames", null,
            "validate.CloudCoreRules", "net.HubAddresses"),
    EDGE_HUB_FAMILY(Section.KUBEEDGE,
            "An edge's hubFamily is one of the site's families, and the edge has an address of it.",
            "KubeEdge EdgeHub dials CloudHub over one family", null, "validate.CloudCoreRules"),
    QUIC_NEEDS_SERVER(Section.KUBEEDGE,
            "hubProtocol quic needs CloudCore's QUIC server (cloudCore.quic: true).",
            "KubeEdge `cloudHub.quic.enable`", null, "validate.CloudCoreRules"),
    DISTINCT_CLOUDCORE_PORTS(Section.KUBEEDGE,
            "CloudCore's five ports are distinct, and so are its five NodePorts.",
            "each CloudHub and CloudStream server listens on its own port", null, "validate.CloudCoreRules"),
    NODE_LIMIT_WARNING(Section.KUBEEDGE,
            "More edge nodes than nodeLimit is a warning: one CloudCore refuses edges beyond it.",
            "KubeEdge session `Manager.ReachLimit` (cloud/pkg/cloudhub/session/session_manager.go)", null,
            "validate.CloudCoreRules"),
    CLOUDCORE_TUNING(Section.KUBEEDGE,
            "qps and burst are 5 and 10 times nodeLimit; edgeController workers and buffers reach their formulas.",
            "KubeEdge `AdjustCloudCoreConfig` (staging/src/github.com/kubeedge/api/apis/componentconfig/cloudcore/"
                    + "v1alpha1/default.go)", CloudCoreTuning.class, "plan.CloudCoreBuilder", "check.CloudCoreConfigs"),
    REGENERATED_CERTIFICATES_WARNING(Section.KUBEEDGE,
            "regenerateCertificates is a warning: replacing the CA invalidates every edge certificate and join token.",
            "KubeEdge CloudCore signs edge certificates with the CA in its casecret", null, "validate.CloudCoreRules"),
    DAEMONSETS_OFF_EDGE_NODES(Section.KUBEEDGE,
            "kube-proxy, calico-node and edge.keepOff get node-role.kubernetes.io/edge DoesNotExist in each required"
                    + " node affinity term that can match a node, since a patch replaces the whole term list.",
            "KubeEdge install guide (kubeedge/website docs/setup/install-with-keadm.md); `NodeSelector.nodeSelectorTerms`"
                    + " has no patch strategy, terms are ORed (k8s.io/api core/v1 types.go)", null,
            "plan.EdgeAffinity", "plan.EdgePlacement"),
    EDGE_CLUSTER_DNS(Section.KUBEEDGE,
            "An edge's clusterDNS lists at most 3 distinct IPs of the site's families, each in its family's service"
                    + " subnet (the cluster DNS Service) or link-local (a node-local DNS such as EdgeMesh's 169.254.96.16).",
            "kubelet `validation.MaxDNSNameservers` (resolv.conf reads 3 nameservers); EdgeMesh's DNS on its bridge"
                    + " address 169.254.96.16 (kubeedge/edgemesh)", EdgeCoreDefaults.class,
            "schema $defs/edge", "validate.EdgeCoreRules"),
    METASERVER_NEEDS_DYNAMIC_CONTROLLER(Section.KUBEEDGE,
            "An edge with metaServer on needs CloudCore's dynamicController on.",
            "KubeEdge MetaServer serves list-watch from CloudCore's dynamicController (edge/pkg/metamanager/metaserver,"
                    + " cloud/pkg/dynamiccontroller); EdgeMesh's install guide enables both", null,
            "validate.EdgeCoreRules"),
    EDGECORE_DEFAULTS_LEFT_OUT(Section.KUBEEDGE,
            "edgecore.yaml leaves out podSandboxImage and maxPods when they equal EdgeCore's defaults, and"
                    + " metaServer, clusterDNS, dynamicController and iptablesManager when they are KubeEdge's defaults.",
            "KubeEdge `DefaultPodSandboxImage` (staging/src/github.com/kubeedge/api/apis/common/constants/default.go),"
                    + " `obj.MaxPods = 110` (edgecore/v1alpha2/default_kubelet_configuration.go), `IptablesManager`"
                    + " internal mode (cloudcore/v1alpha1/default.go)", EdgeCoreDefaults.class,
            "plan.EdgeBuilder", "plan.CloudCoreBuilder"),
    IMAGE_REFERENCE(Section.KUBEEDGE,
            "An image reference is [registry[:port]/]path[:tag][@digest] with lowercase path components.",
            "distribution/reference grammar (reference.go, regexp.go), which containerd and docker parse", null,
            "schema $defs/imageReference"),
    CLUSTER_NAME(Section.CONTROL_PLANE,
            "kube-controller-manager's --cluster-name is spec.kubernetes.clusterName, else kubeadm-config's"
                    + " clusterName, else kubeadm's default kubernetes.",
            "kubeadm `ClusterConfiguration.clusterName`, `DefaultClusterName` (cmd/kubeadm/app/apis/kubeadm/v1beta4/"
                    + "defaults.go); kubeadm `getControllerManagerCommand` (phases/controlplane/manifests.go)", null,
            "plan.SiteFacts", "validate.ExtraArgsRules"),
    CLOUDSTREAM_REDIRECT(Section.KUBEEDGE,
            "Each control-plane node redirects the edges' tunnel ports to CloudStream in every family the edges report,"
                    + " to each CloudCore pod's address of that family.",
            "KubeEdge `cloud/pkg/cloudstream/iptables/iptables.go` (IPv4 only, v1.20.0 to v1.23.1) and"
                    + " `cloud/cmd/cloudcore/app/server.go` `NegotiateTunnelPort`", null, "plan.StreamRedirectBuilder"),
    CLOUDSTREAM_METRICS_WARNING(Section.KUBEEDGE,
            "Edge nodes with an IPv6 address are a warning: CloudStream's metrics path finds no session for them.",
            "KubeEdge `cloud/pkg/cloudstream/streamserver.go` `getMetrics`, `edge/pkg/edgestream/edgestream.go`", null,
            "validate.SiteValidator"),
    CHART_FIXED_PORTS(Section.KUBEEDGE,
            "A CloudCore that the cloudcore chart installs (installedBy helm or keadm) keeps the chart's ports 10000 to 10004.",
            "KubeEdge manifests/charts/cloudcore templates service_cloudcore.yaml, deployment_cloudcore.yaml and"
                    + " configmap_cloudcore.yaml print these ports as literals (v1.20.0 to v1.23.1)", CloudCoreChart.class,
            "validate.CloudCoreRules"),
    CHART_DNS_NAMES_READ_AS_TEXT(Section.KUBEEDGE,
            "With installedBy helm or keadm, no dnsName is one that YAML reads as a number, boolean or null.",
            "KubeEdge configmap_cloudcore.yaml prints each dnsNames entry unquoted (`- {{ . }}`); CloudCore reads"
                    + " cloudcore.yaml into []string (sigs.k8s.io/yaml); Helm strvals types --set values", null,
            "validate.CloudCoreRules"),
    KEADM_RELEASE(Section.KUBEEDGE,
            "installedBy keadm means Helm release cloudcore in namespace kubeedge.",
            "keadm `CloudCoreHelmTool` (keadm/cmd/keadm/app/cmd/helm/cloudcore.go: `ReleaseName`,"
                    + " `constants.SystemNamespace`)", CloudCoreChart.class, "validate.CloudCoreRules", "plan.ChartInstall"),
    CHART_VALUE_PATHS(Section.KUBEEDGE,
            "The cloudcore values overlay sets only values that every supported chart reads"
                    + " (schemas/cloudcore-chart-values.txt), none of them a secret.",
            "the `.Values` paths of kubeedge/kubeedge manifests/charts/cloudcore/templates at v1.20.0 to v1.23.1",
            CloudCoreChart.class, "plan.CloudCoreChartBuilder", "check.HelmValues"),
    NODE_GROUP_SELECTS_ITS_GROUP(Section.KUBEEDGE,
            "A group's NodeGroup selects by the group's own labels, which every member keeps and no other edge carries.",
            "KubeEdge NodeGroup `spec.matchLabels`; its controller labels a node apps.kubeedge.io/belonging-to one group"
                    + " (cloud/pkg/controllermanager/nodegroup/nodegroupcontroller.go)", null,
            "validate.EdgeFleetRules", "plan.NodeGroupBuilder"),
    SHARED_PRIVATE_LAN_WARNING(Section.KUBEEDGE,
            "An edge group with sharedPrivateLan is a warning: CloudStream reaches an edge by its node IP.",
            "KubeEdge `cloud/pkg/cloudstream/iptables` (node IP to stream port); kubeedge/kubeedge#4414", null,
            "validate.EdgeFleetRules"),

    // ---- output
    CURL_FAMILY_FLAG(Section.OUTPUT,
            "Scripts pin each curl request with -4 or -6, chosen from the parsed address family.",
            "curl `--ipv4`, `--ipv6` (docs/cmdline-opts/ipv4.md, ipv6.md)", CurlFamilyFlag.class,
            "plan.EdgeBuilder", "plan.SiteFacts"),
    HELM_SET_ESCAPING(Section.OUTPUT,
            "A --set argument escapes strvals' separators in its key and value, and each command word is quoted for"
                    + " the shell.",
            "Helm pkg/strvals/parser.go (`runesUntil`: a backslash makes the next character literal), which keadm's"
                    + " --set parses too", HelmStrvals.class, "plan.ChartCommands"),
    ONE_LINE_PROBLEMS(Section.OUTPUT,
            "A problem is one line: control characters and line separators in quoted input are escaped.",
            "dualstack: problems quote untrusted keys and values", Printable.class,
            "descriptor.DescriptorLoader", "check.Values", "render.Renderer");

    /** Where a rule is listed on the page. */
    public enum Section {
        NETWORKS("Kubernetes networks and ports"),
        CONTROL_PLANE("Control-plane static pods"),
        NEW_CLUSTER("New clusters built with kubeadm"),
        NAMES("Names"),
        NODES("Nodes"),
        CALICO("Calico"),
        KUBEEDGE("CloudCore and edges"),
        OUTPUT("Generated scripts and messages");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Section section;
    private final String statement;
    private final String source;
    private final Class<?> home;
    private final List<String> enforcedBy;

    Rule(Section section, String statement, String source, Class<?> home, String... enforcedBy) {
        this.section = section;
        this.statement = statement;
        this.source = source;
        this.home = home;
        this.enforcedBy = List.of(enforcedBy);
    }

    /** A stable name for the rule, e.g. {@code service-subnet-size}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Section section() {
        return section;
    }

    public String statement() {
        return statement;
    }

    public String source() {
        return source;
    }

    /** The rules class that holds the rule's limits or logic, or null when its enforcer alone holds it. */
    public Class<?> home() {
        return home;
    }

    /** Classes relative to io.github.dualstack.core (e.g. {@code validate.NetworkRules}), or {@code schema ...}. */
    public List<String> enforcedBy() {
        return enforcedBy;
    }
}
