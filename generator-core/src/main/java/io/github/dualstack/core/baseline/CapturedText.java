package io.github.dualstack.core.baseline;

/** One captured text file (the kubelet unit, the certificate's SANs): its problem name and its text. */
public record CapturedText(String name, String text) {
}
