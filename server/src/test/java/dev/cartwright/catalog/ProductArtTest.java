package dev.cartwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProductArtTest {

    private static final String CATALOG = "/catalog/demo-catalog.json";

    @Test
    void everyMotifAndTheFallbackProduceWellFormedSvg() throws Exception {
        List<String> motifs = new ArrayList<>(ProductArt.motifs());
        motifs.add("no-such-motif");
        motifs.add("");
        motifs.add(null);

        for (String motif : motifs) {
            String svg = ProductArt.svg("sku-" + motif, "Thing " + motif, motif);

            Element root = parse(svg).getDocumentElement();
            assertThat(root.getLocalName()).as("root of %s", motif).isEqualTo("svg");
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 400 300");
        }
    }

    @Test
    void svgIsSelfContained() {
        for (String motif : ProductArt.motifs()) {
            String svg = ProductArt.svg("self-contained", "Self Contained", motif);

            assertThat(svg)
                    .as(motif)
                    .doesNotContain("href")
                    .doesNotContain("<script")
                    .doesNotContain("url(")
                    .doesNotContain("<image")
                    .doesNotContain("@import")
                    .doesNotContain("<foreignObject");
        }
    }

    @Test
    void escapesTheNameInTheCaption() throws Exception {
        String name = "Salt & \"Pepper\" <Set>";

        String svg = ProductArt.svg("salt-pepper-set", name, "mug");

        assertThat(svg)
                .contains("Salt &amp; &quot;Pepper&quot; &lt;Set&gt;")
                .doesNotContain("<Set>")
                .doesNotContain("\"Pepper\"");
        assertThat(captionOf(parse(svg))).isEqualTo(name);
    }

    @Test
    void escapesApostrophesAndDropsCharactersXmlCannotHold() throws Exception {
        String svg = ProductArt.svg("chefs-knife", "Chef's\u0007 Knife", "knife");

        assertThat(svg).contains("Chef&apos;s Knife");
        assertThat(captionOf(parse(svg))).isEqualTo("Chef's Knife");
    }

    @Test
    void sameSkuGivesTheSameDocument() {
        String first = ProductArt.svg("stoneware-mug-sage", "Stoneware Mug, Sage", "mug");
        String second = ProductArt.svg("stoneware-mug-sage", "Stoneware Mug, Sage", "mug");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void differentSkusGiveDifferentBackgrounds() throws Exception {
        List<String> skus = List.of(
                "stoneware-mug-sage", "enamel-camp-mug", "mug-1", "mug-2", "brass-task-lamp", "a", "b");
        Set<String> backgrounds = new HashSet<>();

        for (String sku : skus) {
            String background = backgroundOf(parse(ProductArt.svg(sku, "Same Name", "mug")));
            assertThat(background).matches("#[0-9a-f]{6}");
            backgrounds.add(background);
        }

        assertThat(backgrounds).hasSize(skus.size());
    }

    @Test
    void unknownMotifFallsBackToABox() throws Exception {
        String unknown = ProductArt.svg("mystery", "Mystery Item", "teapot");
        String mug = ProductArt.svg("mystery", "Mystery Item", "mug");

        parse(unknown);
        assertThat(unknown).isNotEqualTo(mug);
        assertThat(ProductArt.supports("teapot")).isFalse();
        assertThat(ProductArt.supports(" Mug ")).isTrue();
    }

    @Test
    void supportsABoundedSetOfMotifs() {
        assertThat(ProductArt.motifs()).hasSizeBetween(8, 12).contains("mug", "kettle", "notebook", "pen");
    }

    @Test
    void veryLongNamesStillRenderWellFormed() throws Exception {
        String name = "An Extraordinarily Long Product Name That Keeps Going & Going";

        String caption = captionOf(parse(ProductArt.svg("long-name", name, "bag")));

        assertThat(caption).startsWith("An Extraordinarily").endsWith("\u2026");
        assertThat(caption.length()).isLessThan(name.length());
    }

    @Test
    void catalogProductsAreWellFormedAndUseSupportedMotifs() throws Exception {
        JsonNode catalog = readCatalog();

        assertThat(catalog.isArray()).isTrue();
        assertThat(catalog.size()).isGreaterThanOrEqualTo(24);

        Set<String> skus = new HashSet<>();
        int scarce = 0;
        int plentiful = 0;
        for (int i = 0; i < catalog.size(); i++) {
            JsonNode product = catalog.get(i);
            String sku = product.path("sku").asString();
            String name = product.path("name").asString();
            String motif = product.path("motif").asString();
            int stock = product.path("stock").asInt();

            assertThat(sku).as("sku #%d", i).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(skus.add(sku)).as("sku %s is unique", sku).isTrue();
            assertThat(name).as(sku).isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(product.path("description").asString()).as(sku).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(product.path("unitPrice").isIntegralNumber()).as(sku).isTrue();
            assertThat(product.path("unitPrice").asLong()).as(sku).isPositive();
            assertThat(stock).as(sku).isPositive();
            assertThat(ProductArt.motifs()).as("motif of %s", sku).contains(motif);

            if (stock <= 3) {
                scarce++;
            }
            if (stock >= 15) {
                plentiful++;
            }
            parse(ProductArt.svg(sku, name, motif));
        }

        assertThat(scarce).as("products with 1 to 3 in stock").isPositive();
        assertThat(plentiful).as("products with at least 15 in stock").isPositive();
    }

    private static JsonNode readCatalog() throws Exception {
        try (InputStream in = ProductArtTest.class.getResourceAsStream(CATALOG)) {
            assertThat(in).as(CATALOG).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new InputSource(new StringReader(svg)));
    }

    /** The background is the first rectangle directly under the root. */
    private static String backgroundOf(Document document) {
        Node child = document.getDocumentElement().getFirstChild();
        while (child != null && !(child instanceof Element element && element.getLocalName().equals("rect"))) {
            child = child.getNextSibling();
        }
        assertThat(child).as("background rect").isNotNull();
        return ((Element) child).getAttribute("fill");
    }

    private static String captionOf(Document document) {
        NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        assertThat(texts.getLength()).isEqualTo(1);
        return texts.item(0).getTextContent();
    }
}
