package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Vertex operation whose videos may be inline ({@code bytesBase64Encoded}, hundreds of MB) without holding
 * them: Jackson's streaming parser walks the answer, and each {@code bytesBase64Encoded} string is decoded as it is
 * read ({@link JsonParser#readBinaryValue(OutputStream)}) into a file of its own in {@code scratch}; the tree that
 * is kept has {@code "inlineFile": "<path>"} in its place. Everything else of the answer is small.
 */
final class InlineVideos {
    static final String FILE = "inlineFile";
    private final ObjectMapper json;
    private final Path scratch;
    private final long maxBytes;

    InlineVideos(ObjectMapper json, Path scratch, long maxBytes) {
        this.json = json;
        this.scratch = scratch;
        this.maxBytes = maxBytes;
    }

    /** The answer as a tree; the caller owns the files it names. On failure no file is left behind. */
    JsonNode read(InputStream in) throws IOException, UpstreamException {
        List<Path> written = new ArrayList<>();
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UpstreamException(Kind.BROKEN, "The provider answered with something that is not a JSON object.");
            }
            JsonNode tree = object(parser, written);
            written.clear();
            return tree;
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) throw io; // our own writing failed (the disk, or the cap below)
            throw new UpstreamException(Kind.BROKEN, "The provider's answer is not valid JSON.");
        } finally {
            for (Path file : written) Files.deleteIfExists(file);
        }
    }

    private ObjectNode object(JsonParser parser, List<Path> written) throws IOException, UpstreamException {
        ObjectNode node = json.createObjectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("bytesBase64Encoded".equals(name) && token == JsonToken.VALUE_STRING) {
                node.put(FILE, decode(parser, written).toString());
            } else {
                node.set(name, value(parser, token, written));
            }
        }
        return node;
    }

    private JsonNode value(JsonParser parser, JsonToken token, List<Path> written) throws IOException, UpstreamException {
        if (token == JsonToken.START_OBJECT) return object(parser, written);
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = json.createArrayNode();
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) array.add(value(parser, next, written));
            return array;
        }
        var nodes = json.getNodeFactory();
        return switch (token) {
            case VALUE_STRING -> nodes.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new UpstreamException(Kind.BROKEN, "The provider's answer is not valid JSON.");
        };
    }

    private Path decode(JsonParser parser, List<Path> written) throws IOException, UpstreamException {
        Path file = Files.createTempFile(scratch, "inline-", ".mp4");
        written.add(file);
        try (OutputStream out = new Capped(Files.newOutputStream(file), maxBytes)) {
            parser.readBinaryValue(out);
        } catch (JacksonException e) {
            if (!(e.getCause() instanceof Capped.TooLarge)) throw e;
            throw tooLarge();
        } catch (Capped.TooLarge e) {
            throw tooLarge();
        }
        return file;
    }

    private UpstreamException tooLarge() {
        return new UpstreamException(Kind.UNACCEPTABLE, "The provider's inline video is larger than " + maxBytes / (1024 * 1024) + " MiB.");
    }

    /** Refuses to write more than {@code max} bytes. */
    private static final class Capped extends FilterOutputStream {
        private final long max;
        private long count;

        Capped(OutputStream out, long max) {
            super(out);
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int more) throws TooLarge {
            count += more;
            if (count > max) throw new TooLarge();
        }

        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large", null);
            }
        }
    }
}
