package vn.ocop.hub.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.sftp.ChainSftpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** AEON keeps 14 days in its outbox; older files, with their .sha256 and .done, move to outbox/archive/<day>/. */
class CatalogueArchiveTest extends HubIntegrationTest {

    @Autowired
    private HubProperties properties;

    @Test
    void filesOlderThanTheChainsArchiveAgeMoveToTheArchiveWithTheirCompanions() throws IOException {
        Path delta = properties.dataDir().resolve("sftp/aeon/outbox/delta");
        String old = "AEON_OCOP_CATALOG_DELTA_20261001T010000_900001.csv";
        String recent = "AEON_OCOP_CATALOG_DELTA_20261120T010000_900002.csv";
        for (String name : new String[]{old, old + ".sha256", old + ".done", recent, recent + ".done"}) {
            Files.writeString(delta.resolve(name), "x", StandardCharsets.UTF_8);
        }
        // the hub's clock says 2026-11-22 (HubIntegrationTest.NOW): 1 October is past 14 days, 20 November is not
        for (String name : new String[]{old, old + ".sha256", old + ".done"}) {
            Files.setLastModifiedTime(delta.resolve(name), FileTime.from(Instant.parse("2026-10-01T01:00:00Z")));
        }
        for (String name : new String[]{recent, recent + ".done"}) {
            Files.setLastModifiedTime(delta.resolve(name), FileTime.from(Instant.parse("2026-11-20T01:00:00Z")));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            try (ChainSftpClient aeon = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "aeon", AEON_PASSWORD)) {
                assertThat(aeon.list("/outbox/archive/20261001"))
                        .containsExactlyInAnyOrder(old, old + ".sha256", old + ".done");
                assertThat(aeon.list("/outbox/delta")).doesNotContain(old, old + ".sha256", old + ".done")
                        .contains(recent, recent + ".done");
            }
        });
    }
}
