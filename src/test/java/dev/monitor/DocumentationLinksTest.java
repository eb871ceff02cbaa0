package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * README.md and the pages of docs/ lead nowhere that a clone does not hold: every relative link names a file of
 * the repository, and every {@code #anchor} a heading of that file, as GitHub makes anchors from headings.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Parser MARKDOWN = Parser.builder().build();
    /** A URL with a scheme ({@code https:}, {@code mailto:}) is not the repository's to check. */
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /**
     * The seed's files that the project once pointed at and a clone does not have: its server script and the shared
     * folder beside the repository with its API contract.
     */
    private static final Pattern OUTSIDE_NAMES = Pattern.compile("server[.]py|[.][.]/shared|shared[/]API");

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String destination : links(page)) {
                String problem = problem(page, destination);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": (" + destination + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noPageNamesAFileFromOutsideTheRepository() throws IOException {
        List<String> mentions = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher name = OUTSIDE_NAMES.matcher(lines.get(i));
                if (name.find()) {
                    mentions.add(ROOT.relativize(page) + ":" + (i + 1) + " names " + name.group());
                }
            }
        }
        assertThat(mentions).isEmpty();
    }

    @Test
    void theDocumentationIsThere() throws IOException {
        // A check over no pages, or over pages without links, would pass on anything.
        assertThat(pages()).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/api.md"));
        assertThat(links(ROOT.resolve("README.md"))).contains("docs/api.md", "docs/failure-handling.md#reproducing-faults-with-the-mock");
    }

    /** README.md and every Markdown page under docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Why a link of the page leads nowhere, or null when it leads to a file of the repository and its heading. */
    private static String problem(Path page, String destination) throws IOException {
        if (SCHEME.matcher(destination).find()) {
            return null;
        }
        int hash = destination.indexOf('#');
        String file = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash),
                StandardCharsets.UTF_8);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!target.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file: " + ROOT.relativize(target);
        }
        if (hash < 0) {
            return null;
        }
        String anchor = destination.substring(hash + 1);
        if (!Files.isRegularFile(target) || !target.toString().endsWith(".md")) {
            return "an anchor into a file that is not a Markdown page";
        }
        return anchors(target).contains(anchor) ? null : "no heading #" + anchor + " in " + ROOT.relativize(target);
    }

    private static List<String> links(Path page) throws IOException {
        List<String> destinations = new ArrayList<>();
        parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }
        });
        return destinations;
    }

    /** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as '-', repeats -1, -2. */
    private static Set<String> anchors(Path page) throws IOException {
        IdGenerator ids = IdGenerator.builder().build();
        Set<String> anchors = new HashSet<>();
        parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                anchors.add(ids.generateId(text(heading)));
            }
        });
        return anchors;
    }

    /** A heading's text as GitHub reads it for the anchor: its words and its code, without the markup. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private static Node parse(Path page) throws IOException {
        return MARKDOWN.parse(Files.readString(page));
    }
}
