package org.hotline12345.intake.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The photo pipeline on its own: what it refuses, and how it turns a photo upright. */
class PhotoImagesTest {

    private final PhotoImages images = new PhotoImages(new PhotoSettings(DataSize.ofMegabytes(10), 50_000_000L, 4,
            2560, 320, 300, 20, 2, 16));

    @Test
    void readsTheOrientationAPhoneWroteIntoTheExif() throws IOException {
        assertThat(PhotoImages.orientation(PhotosIT.jpegWithGpsExif(16, 8, 6))).isEqualTo(6);
        assertThat(PhotoImages.orientation(PhotosIT.image("jpeg", 16, 8))).isEqualTo(1);
    }

    @Test
    void turnsAPhotoTakenWithThePhoneOnItsSideUpright() throws IOException {
        // the orange quarter is top left as the sensor saw it; turned a quarter clockwise it is top right
        PhotoImages.Cleaned cleaned = images.clean(PhotosIT.jpegWithGpsExif(64, 32, 6));
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(cleaned.photo()));
        assertThat(upright.getWidth()).isEqualTo(32);
        assertThat(upright.getHeight()).isEqualTo(64);
        assertThat(isOrange(upright.getRGB(28, 4))).isTrue();
        assertThat(isOrange(upright.getRGB(4, 4))).isFalse();
    }

    @Test
    void makesAThumbnailNoLongerThanItsSide() throws IOException {
        PhotoImages.Cleaned cleaned = images.clean(PhotosIT.image("png", 1000, 500));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(cleaned.thumbnail()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(160);
        assertThat(cleaned.sentAs()).isEqualTo(PhotoImages.SentType.PNG);
    }

    @Test
    void refusesWhatIsNotAJpegPngOrWebpWhateverItIsCalled() throws IOException {
        assertRefused(PhotosIT.image("gif", 4, 4), "format");
        assertRefused("just some text".getBytes(), "format");
    }

    @Test
    void refusesAnImageWhoseHeaderClaimsTooManyPixelsBeforeDecodingIt() throws IOException {
        assertRefused(PhotosIT.pixelBomb(100_000, 100_000), "range");
    }

    private void assertRefused(byte[] bytes, String code) {
        assertThatThrownBy(() -> images.clean(bytes)).isInstanceOfSatisfying(InvalidRequestException.class,
                refusal -> assertThat(refusal.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("photo");
                    assertThat(error.code()).isEqualTo(code);
                }));
    }

    private static boolean isOrange(int rgb) {
        Color colour = new Color(rgb);
        return colour.getRed() > 200 && colour.getBlue() < 80;
    }
}
