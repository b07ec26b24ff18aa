package io.github.dualstack.core.plan.view;

/** cloudcore.helm-values.yaml.ftl: values for KubeEdge's cloudcore chart. Components: {@code values}. */
public record HelmValuesView(YamlTree values) implements View {
}
