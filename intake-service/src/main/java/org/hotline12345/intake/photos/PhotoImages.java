package org.hotline12345.intake.photos;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.InvalidRequestException;

/**
 * Turns the bytes a client sent into the photo and thumbnail that are kept: the type is decided from the bytes
 * (JPEG, PNG or WebP; whatever the client declared counts for nothing), the size from the image's header before
 * anything is decoded, and the image is decoded and encoded again as a JPEG of its pixels alone, turned upright as
 * its EXIF orientation says, so that no location, camera or other metadata of the original reaches the store.
 * Blocking CPU work: callers run it off the event loop.
 */
final class PhotoImages {

    /** What the stored photos and thumbnails are. */
    static final String STORED_TYPE = "image/jpeg";
    private static final float QUALITY = 0.85f;

    /** The types a photo may be sent as, by what their bytes begin with. */
    enum SentType {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        private final String format;

        SentType(String format) {
            this.format = format;
        }

        static SentType of(byte[] bytes) {
            if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
                return JPEG;
            }
            if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return PNG;
            }
            if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
                return WEBP;
            }
            return null;
        }

        private static boolean startsWith(byte[] bytes, int offset, int... expected) {
            if (bytes.length < offset + expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if ((bytes[offset + i] & 0xFF) != expected[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The photo as kept.
     *
     * @param photo the JPEG of the upright image, its longest side at most the settings' {@code longSide}
     * @param thumbnail the JPEG of the same, its longest side at most {@code thumbnailSide}
     * @param width the stored photo's width
     * @param height the stored photo's height
     * @param sentAs the type the bytes sent were
     */
    record Cleaned(byte[] photo, byte[] thumbnail, int width, int height, SentType sentAs) {
    }

    private final PhotoSettings settings;

    PhotoImages(PhotoSettings settings) {
        this.settings = settings;
        // ImageIO registers the readers it finds on the class path it first looks at; in the service's executable
        // jar the WebP reader lies in a nested jar that only the application's class loader (this thread's, at
        // start) sees, so the readers are looked for again here
        ImageIO.scanForPlugins();
    }

    /**
     * The photo and thumbnail made from {@code sent}; a 400 naming the field {@code photo} for bytes over the size
     * bound, of another type, of more pixels than allowed, or that do not decode.
     */
    Cleaned clean(byte[] sent) {
        if (sent.length > settings.maxSize().toBytes()) {
            throw tooLarge();
        }
        SentType type = SentType.of(sent);
        if (type == null) {
            throw refused(FieldCodes.FORMAT, "must be a JPEG, PNG or WebP image");
        }
        BufferedImage decoded = decode(sent, type);
        BufferedImage upright = orient(decoded, type == SentType.JPEG ? orientation(sent) : 1);
        BufferedImage photo = scaled(upright, settings.longSide());
        BufferedImage thumbnail = scaled(photo, settings.thumbnailSide());
        return new Cleaned(jpeg(photo), jpeg(thumbnail), photo.getWidth(), photo.getHeight(), type);
    }

    /** The refusal of a photo over {@code maxSize}. */
    InvalidRequestException tooLarge() {
        return refused(FieldCodes.SIZE, "must be at most " + settings.maxSize().toMegabytes() + " MB");
    }

    private static InvalidRequestException refused(String code, String message) {
        return new InvalidRequestException("photo", code, message);
    }

    /**
     * The image's pixels in RGB, read only once its header has said how many there are: an image whose header
     * claims more than {@code maxPixels} is refused before a byte of its pixels is decoded. A large one is decoded
     * subsampled to about the stored size, so that decoding never holds much more than that in memory.
     */
    private BufferedImage decode(byte[] sent, SentType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + type);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(sent))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw unreadable();
            }
            if ((long) width * height > settings.maxPixels()) {
                throw refused(FieldCodes.RANGE, "has " + width + " × " + height + " pixels; at most "
                        + settings.maxPixels() + " are accepted");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / settings.longSide());
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return rgb(reader.read(0, param));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException refusal) {
                throw refusal;
            }
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private static InvalidRequestException unreadable() {
        return refused(FieldCodes.INVALID, "is not a readable image");
    }

    /** The image on a white ground in 8-bit RGB: what a JPEG holds, whatever the original's colours and alpha. */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    /**
     * The EXIF orientation of a JPEG (1 to 8, 1 upright), read with the image library's EXIF reader; 1 when it has
     * none or it cannot be read, since a photo shown turned is better than none.
     */
    static int orientation(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            // the byte that pads the identifier "Exif\0" before the TIFF structure
            if (data.read() < 0) {
                return 1;
            }
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number number ? number.intValue() : 1;
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** The image as it is meant to be seen, for an EXIF {@code orientation} of 1 to 8. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage upright = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        int width = upright.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                to[ty * width + tx] = from[y * w + x];
            }
        }
        return upright;
    }

    /**
     * The image with its longest side at most {@code longSide}, halved step by step and then scaled the rest of the
     * way, each step bilinear, which keeps a large reduction from looking jagged.
     */
    static BufferedImage scaled(BufferedImage image, int longSide) {
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) > longSide) {
            int longest = Math.max(current.getWidth(), current.getHeight());
            double factor = Math.max(0.5, (double) longSide / longest);
            int w = Math.max(1, (int) Math.round(current.getWidth() * factor));
            int h = Math.max(1, (int) Math.round(current.getHeight() * factor));
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = next.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(current, 0, 0, w, h, null);
            } finally {
                graphics.dispose();
            }
            current = next;
        }
        return current;
    }

    /** The image as a baseline JPEG with no metadata but the JFIF header the writer puts on every one. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
