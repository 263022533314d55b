package io.policygateway.kernel.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds real plugin JARs in a temp folder, the way the plugins' build does. */
final class PluginJars {
    private PluginJars() {
    }

    static Path write(Path directory, String fileName, String pluginId, String requires, Class<?> extension) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Requires", requires);
        attributes.putValue("Plugin-Class", "org.pf4j.Plugin");
        Path jar = directory.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((extension.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            String classFile = extension.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream in = extension.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }
}
