package org.hotline12345.intake.photos;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind the photos' bucket: a ticket's photos by kind, and the two GridFS itself reads by, declared
 * under the names the driver gives them so that the driver's own creation of them is the same index, not a second.
 */
@Configuration(proxyBeanMethods = false)
class PhotoIndexes {

    @Bean
    CollectionIndexes photoFileIndexes() {
        return CollectionIndexes.of(PhotoStore.FILES,
                new Index().on(PhotoStore.TICKET, Direction.ASC).on(PhotoStore.KIND, Direction.ASC)
                        .named("ticket_kind"),
                new Index().on("filename", Direction.ASC).on("uploadDate", Direction.ASC)
                        .named("filename_1_uploadDate_1"));
    }

    @Bean
    CollectionIndexes photoChunkIndexes() {
        return CollectionIndexes.of(PhotoStore.CHUNKS,
                new Index().on("files_id", Direction.ASC).on("n", Direction.ASC).unique().named("files_id_1_n_1"));
    }
}
