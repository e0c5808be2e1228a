package vn.ocop.hub.callback;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.ocop.hub.api.PartnerMessagesController;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml describes the partner-message answers as the code serialises them. */
class PartnerMessageSchemaTest {

    @Test
    @SuppressWarnings("unchecked")
    void schemasMatchTheRecords() throws IOException {
        Map<String, Object> api = new Yaml().load(Files.readString(
                Path.of("src/main/resources/static/openapi.yaml"), StandardCharsets.UTF_8));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        Map<String, Object> message = (Map<String, Object>) schemas.get("PartnerMessage");
        Map<String, Object> properties = (Map<String, Object>) message.get("properties");
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(names(PartnerMessage.class));
        assertThat((List<String>) ((Map<String, Object>) properties.get("state")).get("enum"))
                .containsExactly(Arrays.stream(PartnerMessage.State.values()).map(Enum::name).toArray(String[]::new));
        Map<String, Object> page = (Map<String, Object>) schemas.get("PartnerMessages");
        assertThat(((Map<String, Object>) page.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(names(PartnerMessagesController.Page.class));
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
