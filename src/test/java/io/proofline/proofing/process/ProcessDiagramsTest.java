package io.proofline.proofing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;

import io.proofline.support.browser.Browser;

/**
 * The pictures in docs/diagrams/ are what bpmn-js (npm, src/main/frontend) draws from bpmn/ in Debian's headless
 * Chromium, so they cannot go stale; and in every picture a task's label stays clear of its icon. After changing a
 * model: {@code mvn -o test -Dexec.skip -Dtest=ProcessDiagramsTest -Dproofline.diagrams.write=true}. The text's
 * layout depends on the machine's fonts: render on the CI image (Debian's chromium and its default fonts).
 */
@Tag("browser")
class ProcessDiagramsTest {

    static final Path DIAGRAMS = Path.of("docs/diagrams");
    static final Path VIEWER = Path.of("src/main/frontend/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js");

    /** Renders one model; answers the SVG and the labels that cross their shape's icon (bounding boxes, per line). */
    private static final String RENDER = """
            const [xml, done] = arguments;
            (async () => {
              document.body.innerHTML = '<div id="canvas" style="width: 2400px; height: 1400px"></div>';
              const viewer = new BpmnJS({ container: '#canvas' });
              try {
                await viewer.importXML(xml);
                const crosses = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width
                    && a.y < b.y + b.height && b.y < a.y + a.height;
                const overlaps = [];
                for (const shape of document.querySelectorAll('#canvas g.djs-shape')) {
                  const visual = shape.querySelector('.djs-visual');
                  const icons = [...visual.children].filter(child => child.tagName === 'path');
                  const lines = [...visual.querySelectorAll('text tspan')];
                  for (const icon of icons) {
                    const line = lines.find(line => crosses(icon.getBBox(), line.getBBox()));
                    if (line) {
                      overlaps.push(shape.dataset.elementId + ': "' + line.textContent.trim() + '" crosses its icon');
                      break;
                    }
                  }
                }
                const { svg } = await viewer.saveSVG();
                viewer.destroy();
                // bpmn-js names each arrowhead marker at random: number them in order, so a render is repeatable.
                const markers = new Map();
                const stable = svg.replace(/marker-[0-9a-z]{16,}/g, id => {
                  if (!markers.has(id)) {
                    markers.set(id, 'marker-' + (markers.size + 1));
                  }
                  return markers.get(id);
                });
                done({ svg: stable, overlaps });
              } catch (error) {
                done({ error: String(error) });
              }
            })();
            """;

    static Browser browser;
    static final Map<Path, Map<String, Object>> RENDERED = new HashMap<>();

    static Stream<Path> models() throws IOException {
        return ProcessModelTest.models();
    }

    @BeforeAll
    static void loadTheViewer() throws IOException {
        assertThat(VIEWER).as("bpmn-js is installed by the build's npm ci (mvn compile)").exists();
        browser = Browser.withoutService();
        browser.driver().get("about:blank");
        js().executeScript("const script = document.createElement('script'); script.textContent = arguments[0];"
                + " document.head.appendChild(script);", Files.readString(VIEWER));
        assertThat(js().executeScript("return typeof BpmnJS")).isEqualTo("function");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theCommittedSvgIsWhatTheModelRenders(Path model) throws IOException {
        String svg = (String) rendering(model).get("svg");
        Path committed = DIAGRAMS.resolve(model.getFileName().toString().replaceFirst("\\.bpmn$", ".svg"));
        if (Boolean.getBoolean("proofline.diagrams.write")) {
            Files.writeString(committed, svg);
        }
        assertThat(committed).as(committed + ": render it with -Dproofline.diagrams.write=true").exists();
        assertThat(Files.readString(committed))
                .as(committed + " is stale: rerun with -Dproofline.diagrams.write=true").isEqualTo(svg);
    }

    @ParameterizedTest
    @MethodSource("models")
    @SuppressWarnings("unchecked")
    void everyLabelIsClearOfItsTasksIcon(Path model) throws IOException {
        assertThat((List<String>) rendering(model).get("overlaps")).as(model.toString()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rendering(Path model) throws IOException {
        if (!RENDERED.containsKey(model)) {
            Map<String, Object> result = (Map<String, Object>) js().executeAsyncScript(RENDER, Files.readString(model));
            assertThat(result.get("error")).as(model + " did not render").isNull();
            RENDERED.put(model, result);
        }
        return RENDERED.get(model);
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}
