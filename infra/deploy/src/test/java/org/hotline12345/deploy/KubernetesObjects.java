package org.hotline12345.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into the Kubernetes API's own types (generated from the API's OpenAPI schema) and
 * refuses what the schema does not know: the types keep unknown fields aside instead of failing, so every object is
 * walked for them. A misspelt {@code readinessProbe} or a field at the wrong level is an error here, as the API
 * server's strict field validation makes it one.
 */
final class KubernetesObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    private KubernetesObjects() {
    }

    static List<HasMetadata> read(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            HasMetadata object = SERIALIZATION.unmarshal(document, HasMetadata.class);
            if (object == null || object.getClass().getName().contains("GenericKubernetesResource")) {
                problems.add("not a type of the Kubernetes API: " + document.lines().limit(3).toList());
                continue;
            }
            unknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), problems);
            objects.add(object);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The manifests do not follow the Kubernetes schema:\n - "
                    + String.join("\n - ", problems));
        }
        return objects;
    }

    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
            return;
        }
        if (node == null || !node.getClass().getName().startsWith(MODEL)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown fields " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), problems);
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
