package vn.ocop.hub.api;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml describes the operator's producer-notification answers as the code writes them. */
class ProducerNotificationsDocTest {

    @Test
    void schemasMatchTheRecordsAndStates() throws IOException {
        Map<String, Object> schemas = at(load(), "components", "schemas");

        assertThat(at(schemas, "ProducerNotification", "properties").keySet())
                .containsExactlyInAnyOrder(Arrays.stream(ProducerNotificationView.class.getRecordComponents())
                        .map(RecordComponent::getName).toArray(String[]::new));
        assertThat(at(schemas, "ProducerNotifications", "properties").keySet())
                .containsExactlyInAnyOrder(Arrays.stream(ProducerNotificationView.Page.class.getRecordComponents())
                        .map(RecordComponent::getName).toArray(String[]::new));
        assertThat(at(schemas, "DeliveryState").get("enum"))
                .isEqualTo(Arrays.stream(DeliveryState.values()).map(Enum::name).toList());
    }

    private static Map<String, Object> load() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/static/openapi.yaml"), StandardCharsets.UTF_8);
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            assertThat(current).as("openapi.yaml: " + String.join(".", keys)).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
