package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.Brownfield;
import io.github.dualstack.core.plan.PlannedFile;
import io.github.dualstack.core.plan.SiteVariants;
import io.github.dualstack.core.plan.view.BundledTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bundled template rendered from every site shape with a wrapper that fails on any name that is no component
 * of the view, so a name tested only with {@code ??} or {@code has_content} cannot be misspelled either. The
 * brownfield sample's plan (its descriptor with its captured baseline) brings the merged documents and the
 * conversion parts of the runbook.
 */
class StrictRenderTest {

    private static final TemplateEngine STRICT = new TemplateEngine(Optional.empty(), ViewWrapper.UnknownNames.FAIL);

    @ParameterizedTest
    @EnumSource(SiteVariants.class)
    void everyTemplateRendersFromComponentsOnly(SiteVariants variant) {
        for (PlannedFile f : variant.files()) {
            assertThat(STRICT.render(f.template().fileName(), f.view())).as(f.path()).isNotBlank();
        }
    }

    @Test
    void theBrownfieldSampleRendersFromComponentsOnly() {
        List<PlannedFile> files = Brownfield.files(Brownfield.samplePlan());
        assertThat(files).extracting(PlannedFile::template).contains(BundledTemplate.MERGED, BundledTemplate.RUNBOOK);
        for (PlannedFile f : files) {
            assertThat(STRICT.render(f.template().fileName(), f.view())).as(f.path()).isNotBlank();
        }
    }

    @Test
    void theVariantsReachEveryTemplate() {
        Set<BundledTemplate> rendered = EnumSet.noneOf(BundledTemplate.class);
        for (SiteVariants v : SiteVariants.values()) {
            v.files().forEach(f -> rendered.add(f.template()));
        }
        Brownfield.files(Brownfield.samplePlan()).forEach(f -> rendered.add(f.template()));
        assertThat(rendered).containsExactlyInAnyOrder(BundledTemplate.values());
    }

    /** What the strict wrapper catches and the lenient one, which overrides get, lets pass as "missing". */
    @Test
    void aMisspelledExistenceTestFailsOnlyWhenStrict(@TempDir Path dir) throws IOException {
        String service = TemplateContractTest.source(BundledTemplate.CLOUDCORE_SERVICE);
        Files.writeString(dir.resolve("cloudcore.service.yaml.ftl"), service.replace("p.nodePort??", "p.nodeport??"));
        PlannedFile file = SiteVariants.DUAL.files().stream()
                .filter(f -> f.template() == BundledTemplate.CLOUDCORE_SERVICE).findFirst().orElseThrow();

        assertThatThrownBy(() -> new TemplateEngine(Optional.of(dir), ViewWrapper.UnknownNames.FAIL)
                .render(file.template().fileName(), file.view()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("Port has no component \"nodeport\"; it has name, protocol, port, nodePort");
        assertThat(new TemplateEngine(Optional.of(dir)).render(file.template().fileName(), file.view()))
                .doesNotContain("nodePort:");
    }
}
