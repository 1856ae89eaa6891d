//! Markdown and HTML loaders, format choice: on fixtures written to look
//! like saved news pages and notes.

use std::path::Path;

use factlens::document::{
    BlockKind, Document, Format, LoadError, NO_ARTICLE_NOTE, Offsets, is_unsafe, load_as,
    load_html, load_markdown,
};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn blocks_of(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.slice(&b.range))
        .collect()
}

/// Asserts every phrase of `keep` is in the text and none of `drop` is.
fn keeps_and_drops(doc: &Document, keep: &[&str], drop: &[&str]) {
    for k in keep {
        assert!(doc.text.contains(k), "lost {k:?}:\n{}", doc.text);
    }
    for d in drop {
        assert!(
            !doc.text.contains(d),
            "kept boilerplate {d:?}:\n{}",
            doc.text
        );
    }
}

fn assert_safe(doc: &Document) {
    assert!(
        !doc.text.chars().any(is_unsafe),
        "unsafe char in {:?}",
        doc.text
    );
    for b in &doc.blocks {
        assert!(doc.text.is_char_boundary(b.range.start) && doc.text.is_char_boundary(b.range.end));
        assert!(b.range.end <= doc.text.len());
    }
    for l in &doc.links {
        assert!(l.range.end <= doc.text.len());
        assert!(!l.url.chars().any(is_unsafe));
    }
}

// ---------------------------------------------------------------- HTML

#[test]
fn harbor_article_without_boilerplate() {
    let doc = load_html(
        &fixture("news_harbor.html"),
        Some("https://ledger.example/news/harbor"),
    );
    assert_eq!(
        doc.title(),
        Some("Harbor expansion approved after decade of delays")
    );
    assert_eq!(doc.byline(), Some("Maria Okafor"));
    assert_eq!(doc.date(), Some("2024-03-14"));
    keeps_and_drops(
        &doc,
        &[
            "voted 7-2 on Tuesday",
            "rail spur connecting the container terminal",
            "“This is the single largest investment",
            "jobs for the next generation & keeps",
            "nine hours to each call",
            "A public hearing is scheduled for May 2.",
        ],
        &[
            "We use cookies",
            "Accept all",
            "Business",
            "Seaview 3000",
            "Refinance your home",
            "Share on Facebook",
            "Ferry workers",
            "Related stories",
            "seadog42",
            "Shameful vote",
            "All rights reserved",
            "Privacy policy",
            "track <p>",
        ],
    );
    assert_eq!(
        blocks_of(&doc, BlockKind::Heading),
        [
            "Environmental concerns remain",
            "What the expansion includes"
        ]
    );
    let quotes = blocks_of(&doc, BlockKind::Quote);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].starts_with("We are not against jobs."));
    let items = blocks_of(&doc, BlockKind::ListItem);
    assert_eq!(items.len(), 3);
    assert!(items[1].starts_with("• A 3.2-kilometre rail spur"));
    let bay = doc
        .links
        .iter()
        .find(|l| doc.slice(&l.range) == "Bay Alliance")
        .expect("link kept");
    assert_eq!(bay.url, "https://example.org/bay-alliance");
    assert_eq!(doc.offsets, Offsets::Text);
    assert!(doc.notes.is_empty());
    assert_safe(&doc);
}

#[test]
fn science_article_keeps_code_as_code() {
    let doc = load_html(&fixture("news_science.html"), None);
    assert_eq!(
        doc.title(),
        Some("Tiny beetle survives passage through frog's gut")
    );
    assert_eq!(doc.byline(), Some("Kenji Watanabe"));
    keeps_and_drops(
        &doc,
        &[
            "no larger than a grain of rice",
            "Regimbartia attenuata, escaped",
            "\"The beetle walks through the whole gut toward the vent,\" he said.",
            "first evidence that prey can actively escape",
        ],
        &[
            "Log in",
            "Most popular",
            "Ten foods",
            "Sponsored content",
            "Sign up for our newsletter",
            "You may also like",
            "Snails that ride",
            "Load comments",
            "Careers",
        ],
    );
    let code = blocks_of(&doc, BlockKind::Code);
    assert_eq!(code.len(), 1);
    assert_eq!(
        code[0],
        "for frog in frogs:\n    times[frog] = escape_time(frog, beetles)\nprint(median(times.values()))"
    );
    for p in blocks_of(&doc, BlockKind::Paragraph) {
        assert!(!p.contains("escape_time"), "code leaked into {p:?}");
    }
    assert_eq!(
        blocks_of(&doc, BlockKind::Heading),
        ["How they get out", "Code used in the analysis"]
    );
    // "By Kenji Watanabe · November 2, 2023" repeats the byline.
    assert!(!doc.text.contains("By Kenji"));
    assert_safe(&doc);
}

#[test]
fn blog_post_table_rows_and_ordered_list() {
    let doc = load_html(
        &fixture("news_blog.html"),
        Some("https://plumline.example/blog/monolith"),
    );
    assert_eq!(
        doc.title(),
        Some("Why our small team moved from microservices back to a monolith")
    );
    assert_eq!(doc.date(), Some("2025-01-20"));
    keeps_and_drops(
        &doc,
        &[
            "split our billing application into eleven services",
            "median dropped to 11 minutes",
            "organisational problem we did not have",
        ],
        &[
            "This site uses cookies",
            "Jobs",
            "Previous post",
            "Great write-up",
            "12 responses",
            "Imprint",
        ],
    );
    let items = blocks_of(&doc, BlockKind::ListItem);
    assert!(
        items.contains(&"Deploy time │ 52 min │ 11 min"),
        "{items:?}"
    );
    assert!(items.contains(&"2. Measure before splitting anything."));
    assert_eq!(
        blocks_of(&doc, BlockKind::Heading),
        ["What we measured", "What we kept"]
    );
    assert!(
        doc.links
            .iter()
            .any(|l| l.url == "https://example.com/queue-design"
                && doc.slice(&l.range) == "queue design notes")
    );
    assert_safe(&doc);
}

#[test]
fn page_without_article_falls_back_to_the_whole_body() {
    let doc = load_html(&fixture("no_article.html"), None);
    assert_eq!(doc.notes, [NO_ARTICLE_NOTE]);
    assert_eq!(doc.title(), Some("Login – Acme Portal"));
    keeps_and_drops(
        &doc,
        &["Forgot your password? Contact support.", "Home", "Username"],
        &["secret script", "color:red"],
    );
    assert_safe(&doc);
}

#[test]
fn malformed_html_is_read_without_panicking() {
    let doc = load_html(&fixture("malformed.html"), None);
    assert!(doc.text.contains("Unclosed tags everywhere"));
    assert!(doc.text.contains("été"));
    assert!(!doc.text.contains("<b>"));
    assert_safe(&doc);
}

#[test]
fn control_characters_in_html_are_neutralized() {
    let doc = load_html(&fixture("controls.html"), None);
    assert!(doc.text.contains("hides an escape"));
    assert!(doc.text.contains("ordinary sentence"));
    assert_safe(&doc);
    assert!(!doc.text.contains('\u{1b}'));
    assert!(!doc.text.contains('\u{202e}'));
}

#[test]
fn entities_are_decoded() {
    let doc = load_html(
        "<p>Fish &amp; chips &lt;b&gt; &eacute;t&eacute; &#8212; &nbsp;ok</p>",
        None,
    );
    assert!(
        doc.text.starts_with("Fish & chips <b> été —"),
        "{}",
        doc.text
    );
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_article_structure() {
    let src = fixture("article.md");
    let doc = load_markdown(&src);
    assert_eq!(
        doc.title(),
        Some("Rebuilding the tram network, one line at a time")
    );
    assert_eq!(doc.byline(), Some("Lena Fischer"));
    assert_eq!(doc.date(), Some("2024-06-03"));
    assert!(!doc.text.contains("tags:"));
    assert_eq!(
        blocks_of(&doc, BlockKind::Heading),
        ["What gets built first", "The timetable model"]
    );
    // The H1 repeats the front matter title: page furniture.
    assert_eq!(
        blocks_of(&doc, BlockKind::Chrome),
        ["Rebuilding the tram network, one line at a time"]
    );
    let items = blocks_of(&doc, BlockKind::ListItem);
    assert_eq!(items[0], "1. Line A from the station to the university");
    assert_eq!(items[1], "2. Line B along the river, with 12 stops");
    assert_eq!(
        blocks_of(&doc, BlockKind::TableHeader),
        ["Line │ Length │ Cost"]
    );
    assert_eq!(
        blocks_of(&doc, BlockKind::TableRow),
        ["A │ 7 km │ €310m", "B │ 9 km │ €420m"]
    );
    let cells: Vec<&str> = doc.tables[0].rows[1]
        .cells
        .iter()
        .map(|c| doc.slice(c))
        .collect();
    assert_eq!(cells, ["A", "7 km", "€310m"]);
    assert!(items.contains(&"• Night service on weekends"));
    assert!(items.contains(&"• Line A only, at first"));
    let code = blocks_of(&doc, BlockKind::Code);
    assert_eq!(
        code,
        ["def headway(peak: bool) -> int:\n    return 5 if peak else 10"]
    );
    for p in blocks_of(&doc, BlockKind::Paragraph) {
        assert!(!p.contains("def headway"));
        assert!(!p.contains("**") && !p.contains('`'));
    }
    let quotes = blocks_of(&doc, BlockKind::Quote);
    assert_eq!(
        quotes,
        ["\"We waited long enough,\" said the mayor. \"Now we build.\""]
    );
    let link = &doc.links[0];
    assert_eq!(link.url, "https://example.org/plan");
    assert_eq!(doc.slice(&link.range), "council website");
    assert!(doc.text.contains("A tram at the river stop"));
    assert!(
        doc.text
            .contains("Editor's note: figures were updated on June 4.")
    );
    assert!(!doc.text.contains("<div"));
    assert!(doc.text.contains("end of July & the final vote"));
    assert_eq!(doc.offsets, Offsets::Source);
    assert_safe(&doc);
}

#[test]
fn markdown_offsets_map_back_to_the_input() {
    let src = fixture("article.md");
    let doc = load_markdown(&src);
    for word in [
        "Lena",
        "Rebuilding",
        "approved",
        "Monday",
        "council website",
        "university",
        "billion",
        "310m",
        "waited",
        "headway",
        "weekends",
        "river stop",
        "figures",
        "September",
    ] {
        let t = doc
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word} missing"));
        let s = doc.source_map.to_source(t);
        let e = doc.source_map.to_source(t + word.len() - 1) + 1;
        assert_eq!(&src[s..e], word, "{word} maps to {s}..{e}");
    }
    // Block ranges map too: the list item text starts at its source text.
    let item = doc
        .blocks
        .iter()
        .find(|b| doc.slice(&b.range).starts_with("3. Line C"))
        .unwrap();
    let s = doc.source_map.to_source(item.range.start);
    assert!(src[s..].starts_with("3. Line C"));
}

#[test]
fn control_characters_in_markdown_are_neutralized() {
    let src = fixture("controls.md");
    let doc = load_markdown(&src);
    assert_safe(&doc);
    assert!(doc.text.contains("Text with ESC"));
    assert_eq!(blocks_of(&doc, BlockKind::Code).len(), 1);
    // Sanitizing shifts lengths; the map still finds the words after.
    let t = doc.text.find("inside").unwrap();
    let s = doc.source_map.to_source(t);
    assert_eq!(&src[s..s + 6], "inside");
}

// ---------------------------------------------------------------- formats

#[test]
fn format_by_extension_then_sniffing() {
    assert_eq!(
        Format::from_path(Path::new("tests/fixtures/article.md")),
        Some(Format::Markdown)
    );
    assert_eq!(
        Format::from_path(Path::new("x/page_as_text.txt")),
        Some(Format::Plain)
    );
    assert_eq!(Format::from_path(Path::new("a.XHTML")), Some(Format::Html));
    for f in [
        "news_harbor.html",
        "news_science.html",
        "news_blog.html",
        "no_article.html",
    ] {
        assert_eq!(Format::sniff(&fixture(f)), Format::Html, "{f}");
    }
    assert_eq!(Format::sniff(&fixture("malformed.html")), Format::Html);
    assert_eq!(Format::sniff(&fixture("article.md")), Format::Markdown);
    assert_eq!(
        Format::sniff("Just a plain article.\n\nIt has two paragraphs."),
        Format::Plain
    );
    assert_eq!("markdown".parse(), Ok(Format::Markdown));
    assert_eq!("Plain".parse(), Ok(Format::Plain));
    assert!("docx".parse::<Format>().is_err());
}

#[test]
fn html_in_a_txt_file_stays_plain_text() {
    let src = fixture("page_as_text.txt");
    let format = Format::from_path(Path::new("page_as_text.txt")).unwrap();
    let doc = load_as(src.as_bytes(), format, None).unwrap();
    assert!(doc.text.contains("<h1>This is HTML in a text file</h1>"));
    // Asked to sniff, it is HTML.
    let doc = load_as(src.as_bytes(), Format::sniff(&src), None).unwrap();
    assert!(doc.text.contains("This is HTML in a text file"));
    assert!(!doc.text.contains("<h1>"));
}

#[test]
fn load_as_checks_bytes_like_load_bytes() {
    for f in [Format::Plain, Format::Markdown, Format::Html] {
        assert_eq!(load_as(b"", f, None).unwrap_err(), LoadError::Empty);
        assert_eq!(load_as(b" \n\t", f, None).unwrap_err(), LoadError::Empty);
        assert_eq!(
            load_as(b"ab\0c", f, None).unwrap_err(),
            LoadError::Binary(2)
        );
        assert_eq!(
            load_as(b"caf\xe9", f, None).unwrap_err(),
            LoadError::InvalidUtf8(3)
        );
    }
    let doc = load_as(b"# Hi\n\nThere.", Format::Markdown, None).unwrap();
    assert_eq!(doc.title(), Some("Hi"));
}

// ---------------------------------------------------------------- fuzz

const MARKUP: &str = "[<>/a-z \"'=&;#!\\-\\n\\x1b\\u{9b}\\u{202e}*_`\\[\\]()|>~]*";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn markdown_never_panics_and_stays_safe(s in "\\PC*|[#*_`>|\\[\\]()!\\-0-9. a-z\\n\\x00-\\x1f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}]*") {
        let doc = load_markdown(&s);
        prop_assert!(!doc.text.chars().any(is_unsafe));
        for b in &doc.blocks {
            prop_assert!(b.range.end <= doc.text.len());
        }
        // Every ASCII letter maps back to the same letter in the input.
        for (i, c) in doc.text.char_indices() {
            if c.is_ascii_alphabetic() {
                let j = doc.source_map.to_source(i);
                prop_assert_eq!(s.as_bytes().get(j).copied(), Some(c as u8), "at {}", i);
            }
        }
    }

    #[test]
    fn html_never_panics_and_stays_safe(s in MARKUP) {
        let doc = load_html(&s, None);
        prop_assert!(!doc.text.chars().any(is_unsafe));
        for b in &doc.blocks {
            prop_assert!(b.range.end <= doc.text.len());
        }
    }

    #[test]
    fn html_of_random_text_never_panics(s in "\\PC*") {
        let doc = load_html(&s, Some("https://example.org/"));
        prop_assert!(!doc.text.chars().any(is_unsafe));
    }

    #[test]
    fn sniff_never_panics(s in "\\PC*") {
        let _ = Format::sniff(&s);
    }
}

#[test]
fn short_article_is_still_an_article() {
    // Too short for Readability's "probably readerable" test (no paragraph
    // of 140 characters), but plainly an article inside page furniture.
    let page = r#"<html><head><title>Brief: bridge closed</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge closed for repairs</h1>
<p>The old river bridge will close on Monday for three weeks of repairs.</p>
<p>Buses will take the northern crossing, adding ten minutes to most trips.</p>
<p>The council said the work could not wait until the summer holidays.</p>
</article>
<footer>Copyright Town Gazette. All rights reserved.</footer></body></html>"#;
    let doc = load_html(page, None);
    assert!(doc.notes.is_empty(), "{:?}\n{}", doc.notes, doc.text);
    assert!(doc.text.contains("adding ten minutes"));
    assert!(!doc.text.contains("All rights reserved"));
    assert!(!doc.text.contains("Sport"));
}

/// `factlens --json FILE` on a fixture, as JSON.
fn json_of(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlens"))
        .args(["--json", "--with-text"])
        .arg(&path)
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("factlens-loaders"),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_windows_1252_page_is_decoded_by_its_meta_charset() {
    let v = json_of("windows-1252.html");
    assert_eq!(v["title"], "Café news");
    let text = v["text"].as_str().unwrap();
    assert!(
        text.contains("“The café on the corner opened in 1998,”"),
        "{text}"
    );
    let names: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Marie Dupont"), "{names:?}");
}

#[test]
fn a_utf16_text_with_a_bom_is_decoded_not_called_binary() {
    let v = json_of("utf-16le-bom.txt");
    assert_eq!(v["title"], "Tea Report");
    assert_eq!(v["offsets"], "decoded");
    // Offsets index the decoded text that --with-text prints.
    let text = v["text"].as_str().unwrap();
    let fig = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "12%")
        .expect("12%");
    let (s, e) = (
        fig["start"].as_u64().unwrap() as usize,
        fig["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "12%");
}

#[test]
fn a_utf32_text_with_a_bom_is_decoded_either_way_round() {
    for f in ["utf-32le-bom.txt", "utf-32be-bom.txt"] {
        let v = json_of(f);
        assert_eq!(v["title"], "Héllo 東京 from Paris.", "{f}");
        assert_eq!(v["offsets"], "decoded", "{f}");
        let text = v["text"].as_str().unwrap();
        assert!(text.contains("The UTF-32 file opens."), "{f}: {text}");
    }
}
