package org.hotline12345.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents and index keys as the file-backed server stores them: BSON, the encoding they arrive in over the wire.
 * The stock H2 backend stores them with Java serialization, which costs more to write than the rest of an insert
 * and, for index keys, is repeated on every comparison of a look-up.
 */
final class StoredBson {

    private static final String KEY = "k";

    private StoredBson() {
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * The bytes of a unique index's key, its values already normalised by the index (numbers as doubles, missing as
     * null): two keys are equal exactly when their bytes are, which is all a unique index asks.
     */
    static byte[] key(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        return encode(new Document(KEY, values));
    }

    static KeyValue keyValue(byte[] bytes) {
        return new KeyValue((List<?>) decode(bytes).get(KEY));
    }
}
