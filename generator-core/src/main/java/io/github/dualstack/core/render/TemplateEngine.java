package io.github.dualstack.core.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.OrMatcher;
import freemarker.cache.TemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.plan.view.BundledTemplate;
import io.github.dualstack.core.plan.view.View;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TimeZone;

/**
 * The FreeMarker set-up: bundled templates (optionally overridden from a directory, same file names), output
 * format by file kind (YAML and JSON auto-escape into quoted scalars, shell into quoted words, everything else
 * refuses line breaks), plain whole numbers, each template's view record shown through {@link ViewWrapper} only,
 * and every missing value an error. Thread-safe once built: templates are compiled once and shared.
 */
public final class TemplateEngine {

    static final String BUNDLED = "/io/github/dualstack/templates";
    private static final String INDENT = "indent";
    private static final String YAML = "yaml";

    /**
     * Every bundled template ({@code templates/*.ftl}), as {@link BundledTemplate} lists them: overrides are checked
     * against it, and {@link #render} refuses any other name. {@code TemplateOverridesTest} holds it equal to the
     * directory.
     */
    static final SortedSet<String> BUNDLED_NAMES = BundledTemplate.FILE_NAMES;

    private final Configuration cfg;
    private final TemplateErrors errors;
    private final AttemptWarnings attempts;

    public TemplateEngine(Optional<Path> overrides) {
        this(overrides, ViewWrapper.UnknownNames.MISSING);
    }

    /** {@code unknown}: {@link ViewWrapper.UnknownNames#FAIL} proves, in tests, that templates use only components. */
    TemplateEngine(Optional<Path> overrides, ViewWrapper.UnknownNames unknown) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrides.isPresent()) {
            try {
                // Absolute: FreeMarker's loader refuses the empty path, which Java reads as the current directory.
                loaders.add(new BundledNamesOnly(new FileTemplateLoader(overrides.get().toAbsolutePath().toFile()),
                        BUNDLED_NAMES));
            } catch (IOException e) {
                throw new UncheckedIOException("template override directory " + overrides.get() + ": " + e.getMessage(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, BUNDLED));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setRegisteredCustomOutputFormats(List.of(YamlOutputFormat.INSTANCE, ShellOutputFormat.INSTANCE,
                LineOutputFormat.INSTANCE));
        cfg.setOutputFormat(LineOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                byExtension(YamlOutputFormat.INSTANCE, "yaml", "json"),
                byExtension(ShellOutputFormat.INSTANCE, "sh"))
                .allowNoMatch(true));
        cfg.setCustomNumberFormats(Map.of(PlainNumberFormat.NAME, PlainNumberFormat.FACTORY));
        cfg.setNumberFormat("@" + PlainNumberFormat.NAME);
        cfg.setObjectWrapper(new ViewWrapper(unknown, Set.of(INDENT, YAML)));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        // FreeMarker's default logs what #attempt caught as a SEVERE stack trace; the report gets one line instead.
        errors = new TemplateErrors(overrides);
        attempts = new AttemptWarnings(errors);
        cfg.setAttemptExceptionReporter(attempts);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setWhitespaceStripping(true);
        cfg.setSharedVariable(INDENT, new IndentDirective());
        cfg.setSharedVariable(YAML, new YamlDirective());
    }

    /** Templates are named after what they render: kube-apiserver.yaml.ftl renders YAML, join.sh.ftl shell. */
    private static ConditionalTemplateConfigurationFactory byExtension(OutputFormat format, String... extensions) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        FileExtensionMatcher[] matchers = new FileExtensionMatcher[extensions.length];
        for (int i = 0; i < extensions.length; i++) {
            matchers[i] = new FileExtensionMatcher(extensions[i] + ".ftl");
        }
        return new ConditionalTemplateConfigurationFactory(
                matchers.length == 1 ? matchers[0] : new OrMatcher(matchers), tc);
    }

    /**
     * Renders one bundled template (or its override) with the view it is bound to; a missing value, a syntax error
     * or a missing template is a {@link RenderException} of one line, {@code file:line:column: cause}.
     */
    public String render(String templateName, View view) {
        BundledTemplate bound = BundledTemplate.byFileName(templateName).orElseThrow(() ->
                new IllegalArgumentException(templateName + " is not in TemplateEngine.BUNDLED_NAMES"));
        if (!bound.view().isInstance(view)) {
            throw new IllegalArgumentException(templateName + " prints a " + bound.view().getSimpleName() + ", not a "
                    + view.getClass().getSimpleName());
        }
        try {
            Template t = cfg.getTemplate(templateName);
            StringWriter out = new StringWriter(4096);
            t.process(view, out);
            return out.toString();
        } catch (TemplateException | IOException | RuntimeException e) {
            throw new RenderException(errors.describe(templateName, e), e);
        }
    }

    /** What {@code <#attempt>} recovered from so far, one warning per template place. */
    public List<Problem> warnings() {
        return attempts.problems();
    }

}
