package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.api.Test;

/** Kubernetes objects: metadata, and one object per document. */
class KubernetesObjectsTest {

    @Test
    void metadataRules() {
        String text = SERVICE.replace("name: cloudcore\n", "name: CloudCore\n").replace("namespace: kubeedge", "namespace: kube.edge");
        String m = failure("svc.yaml", text, FileKind.KUBERNETES).getMessage();
        assertThat(m).contains("metadata.name: \"CloudCore\" is not a DNS-1123 subdomain")
                .contains("metadata.namespace: \"kube.edge\" is not a DNS-1123 label");
    }

    @Test
    void multiDocumentProblemsNameTheDocument() {
        String text = IPPOOLS.replace("name: default-ipv6-ippool\n", "labels: {}\n").replace("kind: IPPool\nmetadata:\n  name: default-ipv4",
                "metadata:\n  name: default-ipv4");
        String m = failure("pools.yaml", text, FileKind.KUBERNETES).getMessage();
        assertThat(m).contains("document 1: kind: is required").contains("document 2: metadata.name: is required");
        assertThat(failure("pools.yaml", IPPOOLS + "---\n", FileKind.KUBERNETES).getMessage())
                .contains("document 3: (document root): is an empty YAML document");
    }
}
