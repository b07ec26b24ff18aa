package io.github.dualstack.core.plan;

import java.util.stream.Stream;

/** Builds every file of one artifact kind, completely, from the shared facts (kubeadm: one builder per artifact). */
interface ArtifactBuilder {
    Stream<PlannedFile> files(SiteFacts facts);
}
