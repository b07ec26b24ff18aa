package io.github.dualstack.core.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Serves a template loader's files by bundled template name only. An override can {@code <#include>} any name,
 * and the override directory is committed with the site: without this, {@code <#include ".git/config">} or a
 * hidden file beside the overrides would be read and rendered into the tree.
 */
final class BundledNamesOnly implements TemplateLoader {

    private final TemplateLoader delegate;
    private final Set<String> names;

    BundledNamesOnly(TemplateLoader delegate, Set<String> names) {
        this.delegate = delegate;
        this.names = names;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        return names.contains(name) ? delegate.findTemplateSource(name) : null;
    }

    @Override
    public long getLastModified(Object templateSource) {
        return delegate.getLastModified(templateSource);
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        return delegate.getReader(templateSource, encoding);
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        delegate.closeTemplateSource(templateSource);
    }
}
