package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/** A YAML factory whose parsers read through {@link LinearStreamReader}, so a long token costs linear time. */
final class LinearYamlFactory extends YAMLFactory {

    LinearYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return parser(ctxt, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return parser(ctxt, new CharArrayReader(data, offset, len));
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(in, null, ctxt));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(data, offset, len, null, ctxt));
    }

    private YAMLParser parser(IOContext ctxt, Reader r) {
        LoaderOptions options = _loaderOptions == null ? new LoaderOptions() : _loaderOptions;
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r,
                new ParserImpl(new LinearStreamReader(r), options));
    }

    /**
     * Reaches the constructor that takes the SnakeYAML parser, shows the event an error was raised on, and takes
     * a plain address as text without the resolver's patterns.
     */
    static final class Parser extends YAMLParser {
        private Parser(IOContext ctxt, int features, int yamlFeatures, ObjectCodec codec, Reader r, ParserImpl yaml) {
            super(ctxt, features, yamlFeatures, codec, r, yaml);
        }

        /** The YAML event read last (a key that is a list, a tagged scalar that failed to decode), or null. */
        Event lastEvent() {
            return _lastEvent;
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            String value = scalar.getValue();
            if (scalar.getTag() == null && scalar.getImplicit().canOmitTagInPlainScalar() && surelyText(value)) {
                _textValue = value;
                _cleanedTextValue = null;
                return JsonToken.VALUE_STRING;
            }
            return super._decodeScalar(scalar);
        }

        /**
         * Whether a plain scalar is one that SnakeYAML's YAML 1.1 resolver would try its integer, float and
         * timestamp patterns on only to find a string: it starts with a digit and holds a '/' or two '.', which
         * none of those patterns allows. Every address and prefix written plain is one (each edge node has one),
         * and the patterns took a good part of the read.
         */
        static boolean surelyText(String value) {
            if (value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9') {
                return false;
            }
            int dot = value.indexOf('.');
            return value.indexOf('/') >= 0 || (dot >= 0 && value.indexOf('.', dot + 1) >= 0);
        }
    }
}
