package org.hotline12345.intake.photos;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on tickets' photos. The request body bound of the upload paths ({@code hotline.http.max-upload-size})
 * must leave room for {@code maxSize} and the form around it.
 *
 * @param maxSize the largest photo accepted as sent
 * @param maxPixels the most pixels (width × height, as the image's header says) a photo may have: a 48-megapixel
 *     camera's full-size photo passes, an image made to decompress to gigabytes is refused before it is decoded
 * @param perKind photos one ticket may have of each kind
 * @param longSide the longest side of a stored photo, in pixels; larger ones are scaled down
 * @param thumbnailSide the longest side of a thumbnail, in pixels
 * @param viewsPerAddress photos and lists one client address may fetch through follow links per
 *     {@code hotline.intake.limits.window}
 * @param uploadsPerAddress photos one client address may add through follow links per that window
 * @param decoders photos decoded at once; more wait their turn, up to {@code queue}, and beyond that are refused
 *     with 429, so that the memory decoding takes stays bounded
 * @param queue photos waiting to be decoded at most
 */
@Validated
@ConfigurationProperties("hotline.intake.photos")
public record PhotoSettings(@NotNull @DefaultValue("10MB") DataSize maxSize,
        @Positive @DefaultValue("50000000") long maxPixels, @Positive @DefaultValue("4") int perKind,
        @Positive @DefaultValue("2560") int longSide, @Positive @DefaultValue("320") int thumbnailSide,
        @Positive @DefaultValue("300") int viewsPerAddress, @Positive @DefaultValue("20") int uploadsPerAddress,
        @Positive @DefaultValue("2") int decoders, @Positive @DefaultValue("16") int queue) {
}
