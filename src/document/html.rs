//! Reader mode for HTML pages: the article itself, the way Firefox's Reader
//! View shows it, measured against trafilatura (see the README's "Reader
//! mode" for the table).
//!
//! Extraction is `rs-trafilatura` (a port of trafilatura) first; when it
//! keeps little (under [`RECHECK_WORDS`]), `dom_smoothie` (a port of
//! Mozilla's Readability.js) decides, after a light pre-clean that drops
//! furniture recognised by the tokens of its `class`/`id`. Either article's
//! HTML is then walked into blocks, and each block goes through text
//! filters ([`is_boilerplate`], link lists, repeats) that drop what is not
//! the article. Offsets refer to the extracted text ([`Offsets::Text`]).
//!
//! When the page does not look like an article (Readability's own
//! "probably readerable" test fails and the extraction is not at least two
//! paragraphs and 40 words, or extraction fails), the whole body's visible
//! text is shown instead, with a note saying so.

use dom_query::{Document as Dom, NodeRef};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

use dom_smoothie::{Config, Readability};

use super::builder::Blocks;
use super::{BlockKind, Document, Offsets};

/// The note added when no article could be found.
pub const NO_ARTICLE_NOTE: &str = "no article found: showing the whole page";

/// Class/id tokens (split on spaces, `-` and `_`) that mark page furniture.
const FURNITURE: [&str; 34] = [
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "disqus",
    "subscribe",
    "signup",
    "paywall",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "sidebar",
    "topbar",
];

/// Elements whose content is never article text.
const INVISIBLE: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "iframe", "button", "input", "select",
    "textarea", "head", "object", "canvas", "title",
];

/// Reads an HTML page in reader mode. `url` (the page's address, if known)
/// makes relative links absolute.
pub fn load_html(src: &str, url: Option<&str>) -> Document {
    let (src, shape) = cap_depth(src);
    let src = &*src;
    let doc = if shape.deepest > TRAFILATURA_DEPTH || shape.elements > TRAFILATURA_ELEMENTS {
        readability(src, url)
    } else {
        reader_mode(src, url)
    };
    if let Some(doc) = doc {
        return doc;
    }
    whole_page(src)
}

/// Elements nested deeper than this lose their tags (their text stays, in
/// order, inside the element at this depth) before the page is parsed: a
/// page of 100,000 nested `<div>`s would otherwise take the parser and the
/// extractor quadratic time. Real pages nest a few dozen levels.
const MAX_DEPTH: usize = 256;

/// Elements that have no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Elements whose start tag closes an open one of the same name ("<li>"
/// after "<li>"), as the parser does.
const SIBLINGS: [&str; 8] = ["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// Elements whose content is text up to their end tag.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// Pages nested deeper than this skip rs-trafilatura, whose time per
/// element grows with its depth (an 800 kB page of 250-level nesting took
/// it 4 s); real pages nest a few dozen levels. (The port itself stops
/// walking at 100 levels.)
const TRAFILATURA_DEPTH: usize = 100;

/// Pages of more elements than this skip rs-trafilatura too: it takes
/// about 20 µs an element (2 s for 75,000 nested `<div>`s), Readability a
/// quarter of that. The pages of the development set have at most 3,700.
const TRAFILATURA_ELEMENTS: usize = 20_000;

/// The shape of a page, as [`cap_depth`] found it.
#[derive(Debug, PartialEq)]
struct Shape {
    /// The deepest nesting kept (at most `MAX_DEPTH`).
    deepest: usize,
    /// Elements with an end tag.
    elements: usize,
}

/// `src` with the tags of elements nested deeper than `MAX_DEPTH` left out
/// (borrowed when nothing is that deep), and its shape. One pass over the
/// text.
fn cap_depth(src: &str) -> (Cow<'_, str>, Shape) {
    let name_at = |s: &str| -> usize {
        s.bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
            .unwrap_or(s.len())
    };
    // The end of a tag starting at `s` (after its '>'), quotes respected.
    let tag_end = |s: &str| -> usize {
        let mut quote = None;
        for (i, b) in s.bytes().enumerate() {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => return i + 1,
                _ => {}
            }
        }
        s.len()
    };
    let mut out = String::new();
    let mut dropped = false;
    let mut shape = Shape {
        deepest: 0,
        elements: 0,
    };
    let mut stack: Vec<String> = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = src[i..].find('<') {
        let at = i + off;
        let rest = &src[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(src.len(), |e| at + e + 3);
            continue;
        }
        let (close, name_start) = if rest.starts_with("</") {
            (true, 2)
        } else {
            (false, 1)
        };
        let n = name_at(&rest[name_start..]);
        if n == 0 || !rest.as_bytes()[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = rest[name_start..name_start + n].to_ascii_lowercase();
        let end = at + tag_end(rest);
        let mut drop = false;
        if close {
            if let Some(pos) = stack.iter().rposition(|x| *x == name) {
                drop = pos >= MAX_DEPTH;
                stack.truncate(pos);
            }
        } else if !VOID.contains(&name.as_str()) && !src[at..end].ends_with("/>") {
            if SIBLINGS.contains(&name.as_str()) && stack.last() == Some(&name) {
                stack.pop();
            }
            drop = stack.len() >= MAX_DEPTH;
            if RAW.contains(&name.as_str()) {
                // Copied through to its end tag, never scanned for tags.
                let body_end = src[end..]
                    .match_indices("</")
                    .find(|(e, _)| {
                        src.get(end + e + 2..end + e + 2 + name.len())
                            .is_some_and(|t| t.eq_ignore_ascii_case(&name))
                    })
                    .map_or(src.len(), |(e, _)| end + e);
                i = body_end;
                continue;
            }
            stack.push(name);
            shape.deepest = shape.deepest.max(stack.len().min(MAX_DEPTH));
            shape.elements += 1;
        }
        if drop {
            out.push_str(&src[copied..at]);
            copied = end;
            dropped = true;
        }
        i = end;
    }
    if !dropped {
        return (Cow::Borrowed(src), shape);
    }
    out.push_str(&src[copied..]);
    (Cow::Owned(out), shape)
}

/// Below this many words, rs-trafilatura's extraction is not trusted (see
/// [`reader_mode`]).
const RECHECK_WORDS: usize = 300;

/// The article: rs-trafilatura's when it keeps a long one, else
/// Readability's (dom_smoothie), which also says when there is none. Both
/// go through the same walk and boilerplate filters.
fn reader_mode(src: &str, url: Option<&str>) -> Option<Document> {
    match trafilatura(src, url) {
        // A short extraction is where the port widens to the whole body
        // (navigation and all) or takes a form for an article: Readability
        // decides, "no article" included.
        Some(doc) if doc.word_count() < RECHECK_WORDS => readability(src, url),
        Some(doc) => Some(doc),
        None => readability(src, url),
    }
}

/// What the page says about itself, shown in the article's header.
#[derive(Debug, Default, PartialEq)]
struct Meta {
    title: String,
    byline: Option<String>,
    date: Option<String>,
    site: Option<String>,
}

impl Meta {
    /// The fields collapsed and cleaned: empty ones dropped, the site's
    /// name taken off the title ("Big news - The Daily" → "Big news").
    fn new(
        title: &str,
        byline: Option<&str>,
        date: Option<&str>,
        site: Option<&str>,
        url: Option<&str>,
    ) -> Meta {
        let site = site.and_then(clean_site);
        Meta {
            title: strip_site(&collapse(title), site.as_deref(), url),
            byline: byline.and_then(clean_byline),
            date: date.and_then(clean_date),
            site,
        }
    }
}

/// A byline collapsed, without the punctuation of a "By:" label (": Joe
/// S."); none when empty or a role ("Staff Writer", "admin").
fn clean_byline(b: &str) -> Option<String> {
    let b = collapse(b);
    let b = b.trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    (!b.is_empty() && !ROLES.contains(&b.to_lowercase().as_str())).then(|| b.to_owned())
}

/// A date collapsed, ISO dates cut to the day; none when empty.
fn clean_date(d: &str) -> Option<String> {
    Some(short_date(d)).filter(|d| !d.is_empty())
}

/// A site's name collapsed: "https://www.example.com/" names the site as
/// "example.com", and a Twitter handle "@daily" as "daily"; none when empty.
fn clean_site(s: &str) -> Option<String> {
    let s = collapse(s);
    let s = s.trim_start_matches('@');
    let host = s.split_once("://").map_or(s, |(_, h)| h);
    let host = host.trim_start_matches("www.").trim_end_matches('/');
    let name = if host.len() < s.len() && !host.contains(' ') {
        host
    } else {
        s
    };
    (!name.is_empty()).then(|| name.to_owned())
}

/// The page's JSON-LD objects (`<script type="application/ld+json">`).
static JSON_LD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script"#).expect("regex")
});

/// A `<time datetime="…">` element (the first one, or one marked as the
/// publication date).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<time\b[^>]*?\bdatetime\s*=\s*["']([^"']+)["'][^>]*>"#).expect("regex")
});

/// Types of JSON-LD objects that describe an article.
const ARTICLE_TYPES: [&str; 7] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
];

impl Meta {
    /// Fills what the extractor left out from the page's JSON-LD article
    /// (author, `datePublished`, publisher) and, for the date, its
    /// `<time datetime>`.
    fn fill_from(&mut self, src: &str) {
        if self.byline.is_some() && self.date.is_some() && self.site.is_some() {
            return;
        }
        for script in JSON_LD.captures_iter(src) {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&script[1]) else {
                continue;
            };
            if let Some(a) = json_ld_article(&value, 0) {
                let name = |v: &serde_json::Value| -> Option<String> {
                    match v {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Object(o) => {
                            o.get("name").and_then(|n| n.as_str()).map(str::to_owned)
                        }
                        _ => None,
                    }
                };
                let author = match a.get("author") {
                    Some(serde_json::Value::Array(list)) => {
                        let names: Vec<String> = list.iter().filter_map(name).collect();
                        (!names.is_empty()).then(|| names.join(", "))
                    }
                    Some(v) => name(v),
                    None => None,
                };
                // Cleaned as the extractor's own fields are.
                let fill = |field: &mut Option<String>,
                            v: Option<&str>,
                            clean: fn(&str) -> Option<String>| {
                    if field.is_none() {
                        *field = v.and_then(clean);
                    }
                };
                fill(&mut self.byline, author.as_deref(), clean_byline);
                let date = a.get("datePublished").and_then(|d| d.as_str());
                fill(&mut self.date, date, clean_date);
                let publisher = a.get("publisher").and_then(name);
                fill(&mut self.site, publisher.as_deref(), clean_site);
            }
        }
        if self.date.is_none() {
            // Only a date ("2024-03-14…"), not a duration ("PT5M").
            let times: Vec<_> = TIME
                .captures_iter(src)
                .filter(|c| starts_with_date(&c[1]))
                .collect();
            let marked = times.iter().find(|c| {
                let tag = c[0].to_ascii_lowercase();
                tag.contains("pubdate") || tag.contains("datepublished")
            });
            if let Some(c) = marked.or(times.first()) {
                self.date = clean_date(&c[1]);
            }
        }
    }
}

/// The first object of an article type in a JSON-LD value (an object, an
/// array, or an `@graph`), `depth` levels down.
fn json_ld_article(v: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(|i| json_ld_article(i, depth + 1)),
        serde_json::Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(serde_json::Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(v);
            }
            o.get("@graph").and_then(|g| json_ld_article(g, depth + 1))
        }
        _ => None,
    }
}

/// rs-trafilatura's extraction (page type "article": its page classifier
/// costs time and does not help here), walked through the filters.
fn trafilatura(src: &str, url: Option<&str>) -> Option<Document> {
    let opts = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        include_links: true,
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let r = rs_trafilatura::extract_with_options(src, &opts).ok()?;
    let html = r.content_html.as_deref()?;
    if r.content_text.split_whitespace().count() < 40 {
        return None;
    }
    let m = &r.metadata;
    let date = m.date.map(|d| d.format("%Y-%m-%d").to_string());
    let mut meta = Meta::new(
        m.title.as_deref().unwrap_or(""),
        m.author.as_deref(),
        date.as_deref(),
        m.sitename.as_deref(),
        url,
    );
    meta.fill_from(src);
    Some(article(&Dom::from(html), &meta))
}

/// The article's blocks: its header from `meta`, then `content` walked
/// with the boilerplate filters on.
fn article(content: &Dom, meta: &Meta) -> Document {
    let mut w = Walker::new();
    w.filters = true;
    if !meta.title.is_empty() {
        w.meta(&meta.title, BlockKind::Title);
        w.title = Some(meta.title.clone());
    }
    if let Some(byline) = &meta.byline {
        w.meta(byline, BlockKind::Byline);
        w.byline = Some(byline.clone());
    }
    if let Some(date) = &meta.date {
        w.meta(date, BlockKind::Date);
    }
    if let Some(site) = &meta.site {
        w.meta(site, BlockKind::Site);
    }
    w.walk(&content.root());
    w.finish()
}

/// Bylines that name a role, not a person.
const ROLES: [&str; 10] = [
    "staff",
    "staff writer",
    "staff reporter",
    "admin",
    "administrator",
    "editor",
    "editorial staff",
    "guest",
    "anonymous",
    "unknown",
];

/// Separators between a page's title and its site's name.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " · ", " :: ", " / "];

/// `title` without the name of its site at either end: the `site` name
/// given, or a name that spells the host of `url` ("The Daily" on
/// thedaily.com); after " | ", any short tail.
fn strip_site(title: &str, site: Option<&str>, url: Option<&str>) -> String {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let host = url
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.split(['/', ':', '?', '#']).next().unwrap_or(""))
        .map(|h| letters(h.trim_start_matches("www.")))
        .unwrap_or_default();
    let is_site = |part: &str| {
        let l = letters(part);
        !l.is_empty()
            && (site.is_some_and(|s| letters(s) == l)
                || !host.is_empty() && host.starts_with(&l) && l.len() >= 4)
    };
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && !head.trim().is_empty()
            && (is_site(tail)
                || sep == " | "
                    && tail.split_whitespace().count() <= 4
                    && head.split_whitespace().count() >= 3)
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && !tail.trim().is_empty()
            && is_site(head)
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Readability's extraction (dom_smoothie), after [`pre_clean`].
fn readability(src: &str, url: Option<&str>) -> Option<Document> {
    let dom = Dom::from(src);
    pre_clean(&dom);
    let mut readability = match Readability::with_document(dom, url, Some(Config::default())) {
        Ok(r) => r,
        // Not an absolute URL: do without it.
        Err(_) => {
            let dom = Dom::from(src);
            pre_clean(&dom);
            Readability::with_document(dom, None, Some(Config::default())).ok()?
        }
    };
    // Readability.js's own test (what Firefox uses to offer Reader View)
    // wants a few long paragraphs; a short article still counts when the
    // extraction finds some real prose.
    let readable = readability.is_probably_readable();
    let found = readability.parse().ok()?;
    let prose = found.text_content.split_whitespace().count();
    let content = Dom::from(found.content.to_string());
    let paragraphs = content.select("p").length();
    if prose == 0 || !readable && (prose < 40 || paragraphs < 2) {
        return None;
    }
    let mut meta = Meta::new(
        &found.title,
        found.byline.as_deref(),
        found.published_time.as_deref(),
        found.site_name.as_deref(),
        url,
    );
    meta.fill_from(src);
    Some(article(&content, &meta))
}

/// Shows the visible text of the whole body: no article was detected.
fn whole_page(src: &str) -> Document {
    let dom = Dom::from(src);
    let mut w = Walker::new();
    let title = dom.select("title");
    let title = collapse(&title.text());
    if !title.is_empty() {
        w.meta(&title, BlockKind::Title);
        w.title = Some(title);
    }
    let body = dom.select("body");
    match body.nodes().first() {
        Some(body) => w.walk(body),
        None => w.walk(&dom.root()),
    }
    w.blocks.note(NO_ARTICLE_NOTE);
    w.finish()
}

/// Drops furniture that Readability scores as content when it sits inside
/// the article's container (inline ads, newsletter boxes…), unless the
/// element holds the article itself.
fn pre_clean(dom: &Dom) {
    dom.select("script, style, noscript, template, iframe, nav, aside, [role=navigation], [role=dialog], [aria-hidden=true]")
        .remove();
    let body_len = dom.select("body").text().len().max(1);
    let mut doomed = Vec::new();
    for node in dom.select("[class], [id]").nodes() {
        if matches!(
            element_name(node).as_str(),
            "html" | "body" | "article" | "main" | "h1"
        ) {
            continue;
        }
        let class = node
            .attr("class")
            .map(|c| c.to_string())
            .unwrap_or_default();
        let id = node.attr("id").map(|c| c.to_string()).unwrap_or_default();
        let furniture = format!("{class} {id}")
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|t| FURNITURE.contains(&t.to_ascii_lowercase().as_str()));
        if !furniture {
            continue;
        }
        // Never the article itself, nor a wrapper around it.
        if node.is("article, main") || has_descendant(node, &["article", "main", "h1"]) {
            continue;
        }
        if node.text().len() * 5 > body_len * 2 {
            continue;
        }
        doomed.push(*node);
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

fn has_descendant(node: &NodeRef<'_>, names: &[&str]) -> bool {
    node.descendants_it().any(|d| {
        d.node_name()
            .is_some_and(|n| names.iter().any(|x| n.eq_ignore_ascii_case(x)))
    })
}

/// The lowercase tag name ("" for nodes without one).
fn element_name(node: &NodeRef<'_>) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whitespace runs as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `value` begins with a date written `YYYY-MM-DD`.
fn starts_with_date(value: &str) -> bool {
    let b = value.trim().as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `2024-03-14T08:30:00Z` → `2024-03-14`; anything else as given.
fn short_date(date: &str) -> String {
    let date = date.trim();
    let b = date.as_bytes();
    let iso = b.len() > 10 && starts_with_date(date) && (b[10] == b'T' || b[10] == b' ');
    if iso {
        date[..10].to_owned()
    } else {
        collapse(date)
    }
}

/// The share of `len` bytes of `node`'s collapsed text that is link text.
fn link_share(node: &NodeRef<'_>, len: usize) -> f32 {
    let linked: usize = node
        .descendants_it()
        .filter(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("a")))
        .map(|a| collapse(&a.text()).len())
        .sum();
    linked as f32 / len.max(1) as f32
}

/// An element holding three or more elements that are all links, and no
/// text of its own ("Related stories", "Most read", a row of tags):
/// furniture inside the article's container.
fn is_link_list(node: &NodeRef<'_>) -> bool {
    let mut items = 0;
    for child in node.children_it(false) {
        if child.is_text() {
            // Separators ("|", "·", ",") may stand between the links.
            if child.text().chars().any(char::is_alphanumeric) {
                return false;
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        // A link-list item is short; a long one (a nested list, a block of
        // text) makes this no link list, without reading all its links.
        if child.descendants_it().take(64).count() >= 64 {
            return false;
        }
        let raw = child.text();
        if raw.len() > 400 {
            return false;
        }
        let text = collapse(&raw);
        if text.is_empty() {
            continue;
        }
        if link_share(&child, text.len()) < 0.9 {
            return false;
        }
        items += 1;
    }
    items >= 3
}

/// Lines that are page furniture when they stand alone (compared lowercase,
/// without trailing punctuation).
const FURNITURE_LINES: [&str; 71] = [
    "contact",
    "contact us",
    "kontakt",
    "print recipe",
    "jump to recipe",
    "à lire aussi",
    "lire aussi",
    "lea también",
    "contenido relacionado",
    "staff writer",
    "pdf version",
    "download pdf",
    "view gallery",
    "advertisement",
    "advertisment",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "caption",
    "close",
    "expand",
    "enlarge",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "print",
    "print this page",
    "email",
    "comments",
    "comment",
    "leave a comment",
    "related",
    "related topics",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "more stories",
    "more from",
    "you might also like",
    "you may also like",
    "recommended",
    "recommended for you",
    "read more",
    "read next",
    "continue reading",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "previous",
    "next",
    "tags",
    "topics",
    "filed under",
    "most popular",
    "most read",
    "trending",
    "back to top",
    "skip to content",
    "loading",
    "click here",
    "subscribe",
    "sign up",
    "newsletter",
    "see also",
    "also read",
];

/// Lead-ins of a line that points elsewhere ("Read more: Other story").
const LEAD_INS: [&str; 27] = [
    "lea también",
    "lea más",
    "lea",
    "lire aussi",
    "à lire aussi",
    "vorheriger artikel",
    "nächster artikel",
    "weitere artikel",
    "mehr zum thema",
    "category",
    "categories",
    "read more",
    "read also",
    "also read",
    "read next",
    "see also",
    "related",
    "more",
    "recommended",
    "you might also like",
    "you may also like",
    "watch",
    "listen",
    "tags",
    "topics",
    "filed under",
    "more from",
];

/// Whether a block of text (whitespace-collapsed, `links` the share of it
/// that is link text) is page furniture rather than article text: a lone
/// furniture line, a gallery counter, a photo credit, a "Read more:" link,
/// a call to subscribe or to follow, a copyright notice.
fn is_boilerplate(text: &str, links: f32) -> bool {
    let lower = text.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let words = text.split_whitespace().count();
    if FURNITURE_LINES.contains(&bare) {
        return true;
    }
    // An ad's label leads it: "Advertisement — Sponsored: Buy now".
    if words <= 15
        && ["advertisement", "sponsored", "paid content"]
            .iter()
            .any(|l| bare.starts_with(l) && (words <= 3 || label_then_colon(&lower, l)))
    {
        return true;
    }
    // "Image 1 of 23", "Photo 3/12", "1 / 5".
    // The word before the numbers, if any, must name a picture ("Part 1
    // of 3", "Open 24/7", "Butter 1/2" are text).
    let first_word = bare
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let counter_word = first_word.is_empty()
        || matches!(
            first_word,
            "image"
                | "images"
                | "photo"
                | "photos"
                | "picture"
                | "slide"
                | "gallery"
                | "foto"
                | "bild"
        );
    if words <= 5 && counter_word {
        let rest = bare
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_start();
        let parts: Vec<&str> = rest
            .split(|c: char| c == '/' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        let num = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        let counter = match parts.as_slice() {
            [a, b] => rest.contains('/') && num(a) && num(b),
            [a, mid, b, ..] => num(a) && (*mid == "of" || num(mid)) && num(b),
            _ => false,
        };
        if counter {
            return true;
        }
    }
    // Photo credits: "Photo: Jane Doe/Reuters", "Photograph by …", "© AP".
    if words <= 12 {
        const CREDITS: [&str; 9] = [
            "photo:",
            "photo by",
            "photos by",
            "photograph by",
            "photograph:",
            "image:",
            "image credit",
            "photo credit",
            "credit:",
        ];
        // An agency at the end ("Jane Doe/Getty Images"), not in a sentence
        // ("Getty Images sued Stability AI").
        let agency = ["getty images", "shutterstock", "reuters", "afp", "ap photo"]
            .iter()
            .any(|a| bare.ends_with(a) && (bare.contains('/') || bare.contains("via ")));
        if CREDITS.iter().any(|c| bare.starts_with(c))
            || lower.starts_with('©')
            || agency
            || lower.contains("(ap photo")
        {
            return true;
        }
    }
    // "Read more: Another story" (after a lead-in and a colon, or mostly
    // links after a lead-in: "Filed under politics, media").
    if words <= 30 {
        // A colon that ends a lead-in, not one inside "https:" or "10:30".
        if let Some((lead, rest)) = bare.split_once(':')
            && rest.starts_with(' ')
            && !lead.chars().any(|c| c.is_ascii_digit())
            && LEAD_INS.contains(&lead.trim())
        {
            return true;
        }
        let leads = LEAD_INS.iter().chain(FURNITURE_LINES.iter());
        // Glued links ("Jump to RecipePrint Recipe") count when nearly all
        // of the line is links.
        let lead = |l: &&str| starts_with_word(bare, l) || links >= 0.9 && bare.starts_with(*l);
        if links >= 0.5 && leads.clone().any(|l| lead(l) && l.len() > 3) {
            return true;
        }
    }
    if words <= 40 {
        // Said alone, these are the site talking.
        const STRONG: [&str; 7] = [
            "all rights reserved",
            "written permission",
            "your email address will not be published",
            "we want to hear what you think",
            "instant access",
            "must be logged in",
            "eingeloggt sein",
        ];
        // These are also words of news ("Netflix added 9 million
        // subscribers"): a call only in a short line that speaks to the
        // reader or links away.
        const CALLS: [&str; 9] = [
            "subscribe",
            "subscriber",
            "newsletter",
            "sign up",
            "signing up",
            "copyrighted",
            "follow us",
            "download the",
            "click here",
        ];
        let to_reader = has_word(
            &lower,
            &["you", "your", "our", "us", "now", "today", "free"],
        ) || links >= 0.3;
        let social = ["twitter", "facebook", "instagram"];
        if STRONG.iter().any(|c| lower.contains(c))
            || words <= 25 && to_reader && CALLS.iter().any(|c| has_phrase(&lower, c))
            || lower.starts_with("follow ") && social.iter().any(|s| lower.contains(s))
        {
            return true;
        }
    }
    // An app's advertisement: "Get the news on your phone with our app."
    let app = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "app" || w == "apps");
    let promo = [
        "your phone",
        "download our",
        "download the",
        "get our",
        "get the",
    ];
    if words <= 30
        && app
        && has_word(&lower, &["our", "your"])
        && promo.iter().any(|p| lower.contains(p))
    {
        return true;
    }
    // Disclosures: "This post contains references to products from our
    // advertisers. We may receive compensation…"
    const DISCLOSURES: [&str; 4] = [
        "advertiser",
        "affiliate link",
        "earn a commission",
        "receive compensation",
    ];
    words <= 80
        && DISCLOSURES.iter().any(|c| lower.contains(c))
        && (has_word(&lower, &["we", "our", "us"])
            || lower.contains("this post")
            || lower.contains("this article")
            || lower.contains("this page"))
}

/// `text` has one of `words` as a whole word.
fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// `text` has `phrase` starting and ending at word boundaries.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `text` begins with the word or phrase `lead` ("watch" is not
/// "Watchdog").
fn starts_with_word(text: &str, lead: &str) -> bool {
    text.starts_with(lead)
        && !text[lead.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// `lower` is `label` followed by a colon or a dash ("Sponsored: …").
fn label_then_colon(lower: &str, label: &str) -> bool {
    lower
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .strip_prefix(label)
        .is_some_and(|r| r.trim_start().starts_with([':', '—', '–', '-', '|']))
}

struct Walker {
    blocks: Blocks,
    /// Whitespace seen since the last word: HTML collapses it to one space,
    /// and only between words of one block.
    pending_space: bool,
    /// Starts of the open links (set at their first word).
    links: Vec<Option<usize>>,
    /// Starts of the open inline code elements, likewise.
    code: Vec<Option<usize>>,
    title: Option<String>,
    byline: Option<String>,
    /// Blocks of the body closed with content so far: only near the top
    /// does a line naming the author repeat the byline.
    body_blocks: usize,
    /// Drop boilerplate blocks ([`is_boilerplate`]) and repeated blocks.
    filters: bool,
    /// Blocks seen so far (with `filters`): a repeat is dropped.
    seen: rustc_hash::FxHashSet<String>,
    /// Bytes of the open block inside links that lead nowhere (`href="#"`,
    /// none): link text all the same for the filters.
    anchor_bytes: usize,
}

impl Walker {
    fn new() -> Walker {
        Walker {
            blocks: Blocks::new(),
            pending_space: false,
            links: Vec::new(),
            code: Vec::new(),
            title: None,
            byline: None,
            body_blocks: 0,
            filters: false,
            seen: Default::default(),
            anchor_bytes: 0,
        }
    }

    fn meta(&mut self, text: &str, kind: BlockKind) {
        self.close();
        self.blocks.push_block(text, None, kind);
    }

    fn close(&mut self) {
        let furniture = self.filters && self.open_is_furniture();
        self.anchor_bytes = 0;
        if furniture {
            self.blocks.discard();
            // Links and code spans open across the dropped text start again.
            let len = self.blocks.len();
            for start in self.links.iter_mut().chain(self.code.iter_mut()) {
                if start.is_some_and(|s| s >= len) {
                    *start = None;
                }
            }
            self.pending_space = false;
            return;
        }
        if self.blocks.close() {
            self.body_blocks += 1;
        }
        self.pending_space = false;
    }

    fn open(&mut self, kind: BlockKind) {
        self.close();
        self.blocks.open(kind);
    }

    fn inline_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if s.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let words = collapse(s);
        if words.is_empty() {
            return;
        }
        self.blocks.ensure_open(false);
        if self.pending_space && self.blocks.has_content() {
            self.blocks.push(" ", None);
        }
        let range = self.blocks.push(&words, None);
        for start in self.links.iter_mut().chain(self.code.iter_mut()) {
            start.get_or_insert(range.start);
        }
        self.blocks.mark_content();
        self.pending_space = s.ends_with(char::is_whitespace);
    }

    fn children(&mut self, node: &NodeRef<'_>) {
        for child in node.children_it(false) {
            self.walk(&child);
        }
    }

    /// A leaf block: its content as one block of `kind`.
    fn block(&mut self, node: &NodeRef<'_>, kind: BlockKind) {
        self.open(kind);
        self.children(node);
        self.close();
    }

    fn walk(&mut self, node: &NodeRef<'_>) {
        if node.is_text() {
            self.inline_text(&node.text());
            return;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            return;
        }
        let name = element_name(node);
        if self.skip(node, &name) {
            return;
        }
        self.element(node, &name);
    }

    fn element(&mut self, node: &NodeRef<'_>, name: &str) {
        match name {
            n if INVISIBLE.contains(&n) => {}
            "br" => {
                if self.blocks.has_content() {
                    self.blocks.push("\n", None);
                    self.pending_space = false;
                }
            }
            "p" | "figcaption" | "dt" | "dd" | "summary" | "caption" => {
                let text = collapse(&node.text());
                if self.is_redundant_byline(&text) {
                    return;
                }
                let kind = self.blocks.context_kind(false);
                self.block(node, kind);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = collapse(&node.text());
                if self
                    .title
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case(&text))
                {
                    return;
                }
                let kind = if self.title.is_none() && name == "h1" {
                    self.title = Some(text);
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
                self.block(node, kind);
            }
            "ul" | "ol" | "menu" => {
                self.close();
                let first = (name == "ol").then(|| {
                    node.attr("start")
                        .and_then(|s| s.trim().parse::<u64>().ok())
                        .unwrap_or(1)
                });
                self.blocks.push_list(first);
                self.children(node);
                self.blocks.pop_list();
                self.close();
            }
            "li" => {
                self.open(BlockKind::ListItem);
                let marker = self.blocks.item_marker();
                self.blocks.push(&marker, None);
                self.blocks.enter_item();
                self.children(node);
                self.blocks.leave_item();
                self.close();
            }
            "blockquote" => {
                self.close();
                self.blocks.enter_quote();
                self.children(node);
                self.blocks.leave_quote();
                self.close();
            }
            "pre" => {
                self.open(BlockKind::Code);
                let text = node.text();
                let text = text.strip_prefix('\n').unwrap_or(&text);
                self.blocks.push(text.trim_end(), None);
                self.blocks.mark_content();
                self.close();
            }
            "tr" => {
                self.open(BlockKind::ListItem);
                for cell in node.children_it(false) {
                    if !cell.is_element() {
                        continue;
                    }
                    if self.blocks.has_content() && !collapse(&cell.text()).is_empty() {
                        self.blocks.push(" │ ", None);
                        self.pending_space = false;
                    }
                    self.children(&cell);
                }
                self.close();
            }
            "a" => {
                let href = node.attr("href").map(|h| h.trim().to_owned());
                self.links.push(None);
                self.children(node);
                let end = self.blocks.len();
                if let Some(Some(start)) = self.links.pop()
                    && end > start
                {
                    match href {
                        Some(href)
                            if !href.is_empty()
                                && !href.starts_with('#')
                                && !href.starts_with("javascript:") =>
                        {
                            self.blocks.link(start..end, &href);
                        }
                        // Still a link to the filters ("Print", "Jump to").
                        _ => self.anchor_bytes += end - start,
                    }
                }
            }
            "code" | "kbd" | "samp" => {
                self.code.push(None);
                self.children(node);
                if let Some(Some(start)) = self.code.pop() {
                    self.blocks.code(start..self.blocks.len());
                }
            }
            "img" => {}
            "hr" => self.close(),
            "div" | "section" | "article" | "main" | "header" | "footer" | "figure" | "body"
            | "html" | "aside" | "nav" | "form" | "fieldset" | "details" | "address" | "center"
            | "dl" | "table" | "thead" | "tbody" | "tfoot" | "hgroup" | "picture" | "label" => {
                self.close();
                self.children(node);
                self.close();
            }
            _ => self.children(node),
        }
    }

    /// Whether the element `node` (named `name`) is left out: with the
    /// filters on, a list of links ("Related stories").
    fn skip(&self, node: &NodeRef<'_>, name: &str) -> bool {
        self.filters && matches!(name, "ul" | "ol" | "menu") && is_link_list(node)
    }

    /// With the filters on, whether the open block is furniture
    /// ([`is_boilerplate`]) or repeats an earlier block word for word (a
    /// caption shown twice).
    fn open_is_furniture(&mut self) -> bool {
        let Some((text, linked)) = self.blocks.open_block() else {
            return false;
        };
        // Code is never furniture ("npm run subscribe-worker").
        let kind = self.blocks.open_kind();
        if kind == Some(BlockKind::Code) {
            return false;
        }
        let text = collapse(text);
        // A list item's marker is not its text.
        let text = match kind {
            Some(BlockKind::ListItem) => text
                .split_once(' ')
                .filter(|(m, _)| m.chars().all(|c| !c.is_alphabetic()))
                .map_or(text.clone(), |(_, t)| t.to_owned()),
            _ => text,
        };
        if text.is_empty() {
            return false;
        }
        let links = (linked + self.anchor_bytes) as f32 / text.len().max(1) as f32;
        // The author's name alone, as an author box repeats it.
        if self
            .byline
            .as_deref()
            .is_some_and(|b| b.eq_ignore_ascii_case(&text))
        {
            return true;
        }
        // A repeat is a caption shown twice: a paragraph of some length. A
        // list item, table row, quote or heading may repeat by design (a
        // refrain, "N/A │ N/A").
        let repeat = kind == Some(BlockKind::Paragraph)
            && text.split_whitespace().count() >= 6
            && !self.seen.insert(text.to_lowercase());
        is_boilerplate(&text, links) || repeat
    }

    /// "By Jane Doe · May 2" at the top of the body repeats the Byline.
    fn is_redundant_byline(&self, text: &str) -> bool {
        self.body_blocks < 3
            && text.split_whitespace().count() <= 12
            && self
                .byline
                .as_deref()
                .is_some_and(|b| !b.is_empty() && text.contains(b))
    }

    fn finish(self) -> Document {
        self.blocks.finish(Offsets::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of `n` nested `<div>`s around an article.
    fn nested(n: usize) -> String {
        let para = "<p>Vladimir Putin met Xi Jinping in Beijing on Tuesday, and the two \
                    leaders signed a long statement about trade, energy and security.</p>";
        format!(
            "<html><head><title>Deep</title></head><body>{}<h1>Deep</h1>{}{}</body></html>",
            "<div>".repeat(n),
            para.repeat(4),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn deep_nesting_is_capped_and_keeps_the_text() {
        let page = nested(1000);
        let (capped, shape) = cap_depth(&page);
        assert_eq!(shape.deepest, MAX_DEPTH);
        assert!(shape.elements > 1000);
        assert!(
            capped.matches("<div>").count() < MAX_DEPTH,
            "{}",
            capped.len()
        );
        assert_eq!(
            capped.matches("</div>").count(),
            capped.matches("<div>").count()
        );
        // The paragraphs keep their text and order.
        let doc = load_html(&nested(100_000), None);
        assert_eq!(doc.text.matches("Vladimir Putin met Xi Jinping").count(), 4);
        assert!(doc.text.contains("leaders signed a long statement"));
    }

    #[test]
    fn shallow_pages_and_unclosed_lists_are_not_changed() {
        let src = nested(20);
        let (page, shape) = cap_depth(&src);
        assert!(matches!(page, Cow::Borrowed(_)));
        assert_eq!(
            shape,
            Shape {
                deepest: 23,
                elements: 28
            }
        );
        let list = format!("<ul>{}</ul><p>a<p>b", "<li>item".repeat(1000));
        assert!(matches!(cap_depth(&list), (Cow::Borrowed(_), _)));
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(1000));
        assert!(matches!(cap_depth(&script), (Cow::Borrowed(_), _)));
    }

    /// A news page of about 400 words with `head` in its `<head>` and
    /// `top` above the article's paragraphs.
    fn page(head: &str, top: &str) -> String {
        let para = "<p>The harbour authority approved the expansion of the northern \
                    port on Tuesday after a decade of delays, and the work on the two \
                    new berths, the rail spur and the salt marsh starts in the autumn \
                    and will take four years to finish, officials said.</p>";
        format!(
            "<html><head>{head}</head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <article><h1>Big news</h1>{top}{}</article><footer>Contact us</footer></body></html>",
            para.repeat(10)
        )
    }

    #[test]
    fn site_name_is_shown_and_taken_off_the_title() {
        let head = "<title>Big news - The Daily</title>\
                    <meta property=\"og:site_name\" content=\"The Daily\">";
        let doc = load_html(&page(head, ""), None);
        assert_eq!(doc.title(), Some("Big news"));
        assert_eq!(doc.site(), Some("The Daily"));
        // Without og:site_name, the host names the site.
        let head = "<title>Big news | The Daily</title>";
        let doc = load_html(&page(head, ""), Some("https://www.thedaily.com/a/1"));
        assert_eq!(doc.title(), Some("Big news"));
    }

    #[test]
    fn site_names_come_off_either_end_of_a_title() {
        let s = |t: &str, site: Option<&str>, url: Option<&str>| strip_site(t, site, url);
        assert_eq!(
            s("The Daily — Big news", Some("The Daily"), None),
            "Big news"
        );
        assert_eq!(
            s("Big news - DAILY", None, Some("http://daily.example/x")),
            "Big news"
        );
        assert_eq!(
            s("Budget passes | Politics | Daily", None, None),
            "Budget passes | Politics"
        );
        // A dash inside a title that names no site stays.
        assert_eq!(
            s(
                "Covid-19 - what we know",
                None,
                Some("https://news.example")
            ),
            "Covid-19 - what we know"
        );
        assert_eq!(s("Big news", Some("Big news"), None), "Big news");
        let m = Meta::new("Big news", Some("Staff Writer"), None, None, None);
        assert_eq!(m.byline, None);
        let m = Meta::new("Big news", None, None, Some("@nature"), None);
        assert_eq!(m.site.as_deref(), Some("nature"));
        let m = Meta::new(
            "Big news",
            None,
            None,
            Some("https://www.daily.example/"),
            None,
        );
        assert_eq!(m.site.as_deref(), Some("daily.example"));
    }

    #[test]
    fn a_byline_loses_the_punctuation_of_its_label() {
        let m = Meta::new("T", Some(": Joe S."), None, None, None);
        assert_eq!(m.byline.as_deref(), Some("Joe S."));
        let m = Meta::new("T", Some(" - "), None, None, None);
        assert_eq!(m.byline, None);
    }

    #[test]
    fn byline_and_date_from_meta_tags() {
        let head = "<title>Big news</title><meta name=\"author\" content=\"Jane Doe\">\
                    <meta property=\"article:published_time\" content=\"2024-03-14T08:30:00Z\">";
        let doc = load_html(&page(head, ""), None);
        assert_eq!(doc.byline(), Some("Jane Doe"));
        assert_eq!(doc.date(), Some("2024-03-14"));
    }

    #[test]
    fn byline_date_and_site_from_json_ld() {
        let head = r#"<title>Big news</title><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Big news",
             "author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2023-11-02T10:00:00+01:00",
             "publisher":{"@type":"Organization","name":"The Daily"}}</script>"#;
        let doc = load_html(&page(head, ""), None);
        assert_eq!(doc.byline(), Some("Jane Doe"));
        assert_eq!(doc.date(), Some("2023-11-02"));
        assert_eq!(doc.site(), Some("The Daily"));
        // Cleaned as the extractor's own fields are: a role is no byline.
        let head = head.replace("Jane Doe", "Staff Writer");
        let doc = load_html(&page(&head, ""), None);
        assert_eq!(doc.byline(), None);
    }

    #[test]
    fn date_from_a_time_element() {
        let top =
            "<p class=\"meta\"><time datetime=\"2022-05-06T12:00:00Z\">May 6, 2022</time></p>";
        let doc = load_html(&page("<title>Big news</title>", top), None);
        assert_eq!(doc.date(), Some("2022-05-06"));
    }

    #[test]
    fn furniture_lines_are_boilerplate() {
        for line in [
            "Advertisement",
            "Caption",
            "Close",
            "Image 1 of 23",
            "Photo 3/12",
            "4 / 9",
            "Photo: Jane Doe/Reuters",
            "Photograph by Jane Doe",
            "© Getty Images",
            "Share this article",
            "Print",
            "Previous article",
            "Related Topics",
            "Advertisement — Sponsored: Refinance your home today",
            "Sign up for our newsletter and never miss a story.",
            "Follow The Daily on Twitter and Facebook",
            "This article is the copyrighted property of The Daily. All rights reserved.",
            "This post contains references to products from our advertisers.",
            "(Credit: Jane Doe / Grist)",
            "Get the latest news straight to your phone with the Daily app.",
            "You must be logged in to post a comment.",
            "Contact us",
        ] {
            assert!(is_boilerplate(line, 0.0), "{line}");
        }
        // After a lead-in and a colon, or as links after a lead-in.
        assert!(is_boilerplate("Read more: Harbor plan approved", 1.0));
        assert!(is_boilerplate("Lea también: Otra noticia", 0.0));
        assert!(is_boilerplate("Filed under politics, media", 0.7));
        assert!(is_boilerplate("Related Topics Epic Games News", 0.8));
    }

    #[test]
    fn article_sentences_are_not_boilerplate() {
        for line in [
            "The harbour authority approved the plan on Tuesday.",
            "Image quality improved by 1 of 3 measures, the study found.",
            "Read the whole report before the vote.",
            "Note: the figures are for 2023.",
            "The photo by the river shows the flooded bridge and the houses behind it, which the city says were empty.",
            "Close to 400 people came.",
            "The app store of the company lost 3 percent of its revenue in a year of falling phone sales.",
            "Netflix added 9 million subscribers in the quarter.",
            "About 2,000 people sign up for the program each day.",
            "The company's newsletter reached 2 million readers last year.",
            "Thousands of copyrighted books were used to train the model.",
            "Users can download the update from Monday.",
            "Many people follow usual routines.",
            "Advertisers fled the platform after the change.",
            "Victims will receive compensation from the fund.",
            "Getty Images sued Stability AI in London in January.",
            "Shutterstock shares rose 5% on Tuesday.",
            "Sponsored by two senators, the bill passed on Tuesday.",
            "Remembering 9/11",
            "Open 24/7",
            "Part 1 of 3",
            "Butter 1/2",
            "The app lets riders get the latest arrival times on their phone.",
        ] {
            assert!(!is_boilerplate(line, 0.0), "{line}");
        }
        for line in [
            "Source: Bureau of Labor Statistics",
            "Watchdog report finds delays at the port",
            "Watchdog: port delays grow",
            "https://example.com/report.pdf",
        ] {
            assert!(!is_boilerplate(line, 0.6), "{line}");
        }
        // Still furniture.
        for line in [
            "Sign up for our newsletter",
            "Photo: Jane Doe/Getty Images",
            "Image 3 of 12",
            "Sponsored: Buy the best shoes",
            "Subscribe now",
        ] {
            assert!(is_boilerplate(line, 0.0), "{line}");
        }
        // A linked sentence is text, whatever its links.
        assert!(!is_boilerplate("The report is online.", 1.0));
    }

    /// A short article with `extra` among its paragraphs (Readability's
    /// path; the filters are the same on both).
    fn article_with(extra: &str) -> Document {
        let p = "<p>The harbour authority approved the expansion of the northern port on \
                 Tuesday after a decade of delays, officials said in a statement.</p>";
        load_html(
            &format!(
                "<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1>\
                 {p}{p}{extra}<p>The city council must still approve the route of the rail \
                 spur, and a public hearing is scheduled for May 2.</p></article></body></html>"
            ),
            None,
        )
    }

    #[test]
    fn galleries_credits_and_widgets_in_the_body_are_dropped() {
        let doc = article_with(
            "<figure><img src=a.jpg><figcaption>Image 2 of 23</figcaption></figure>\
             <p>Photo: Jane Doe/Reuters</p><div>Advertisement</div>\
             <p>Read more: <a href=/x>Ferry workers strike</a></p>\
             <p>Sign up for our newsletter and never miss a story.</p>\
             <p><a href=\"#r\">Jump to Recipe</a><a href=\"#p\">Print Recipe</a></p>",
        );
        for gone in [
            "Image 2 of 23",
            "Jane Doe",
            "Advertisement",
            "Ferry workers",
            "newsletter",
            "Print Recipe",
        ] {
            assert!(!doc.text.contains(gone), "{gone}: {}", doc.text);
        }
        assert!(doc.text.contains("public hearing is scheduled for May 2."));
        // The dropped link leaves no link behind.
        assert!(doc.links.iter().all(|l| !l.url.contains("/x")));
        for l in &doc.links {
            assert!(doc.text.is_char_boundary(l.range.start) && l.range.end <= doc.text.len());
        }
    }

    #[test]
    fn lists_of_links_are_dropped_and_lists_of_text_kept() {
        let doc = article_with(
            "<ul><li><a href=/a>Ferry strike</a></li><li><a href=/b>Bridge closed</a></li>\
             <li><a href=/c>New mayor</a></li></ul>\
             <ul><li>Two new berths</li><li>A rail spur</li><li>A <a href=/m>salt marsh</a></li></ul>",
        );
        assert!(!doc.text.contains("Ferry strike"), "{}", doc.text);
        assert!(doc.text.contains("Two new berths") && doc.text.contains("salt marsh"));
    }

    #[test]
    fn the_author_alone_in_the_body_repeats_the_byline() {
        let p = "<p>The harbour authority approved the expansion of the northern port on \
                 Tuesday after a decade of delays, officials said in a statement.</p>";
        let doc = load_html(
            &format!(
                "<html><head><title>Harbor</title><meta name=author content=\"Jane Doe\"></head>\
                 <body><article><h1>Harbor</h1>{p}{p}{p}<p>Jane Doe</p></article></body></html>"
            ),
            None,
        );
        assert_eq!(doc.byline(), Some("Jane Doe"));
        assert_eq!(doc.text.matches("Jane Doe").count(), 1, "{}", doc.text);
    }

    #[test]
    fn a_repeated_caption_is_kept_once() {
        let cap = "The northern harbour at dawn, seen from the lighthouse";
        let doc = article_with(&format!(
            "<figure><figcaption>{cap}</figcaption></figure><p>{cap}</p>"
        ));
        assert_eq!(doc.text.matches(cap).count(), 1, "{}", doc.text);
    }

    #[test]
    fn a_link_across_a_dropped_block_ends_inside_the_text() {
        // The link opens in one block and closes in a dropped one
        // ("Advertisement"), at the end of the article.
        let p = "<p>The harbour authority approved the expansion of the northern port on \
                 Tuesday after a decade of delays, officials said in a statement.</p>";
        for tail in ["", "<p>Ünïcödé</p>"] {
            let doc = load_html(
                &format!(
                    "<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1>\
                     {p}{p}{p}<p>The city council must still approve the route.</p>\
                     <a href=\"/x\">Real linked text<div>More words here in the link</div>\
                     Advertisement</a>{tail}</article></body></html>"
                ),
                None,
            );
            for l in &doc.links {
                assert!(
                    doc.text.get(l.range.clone()).is_some(),
                    "{:?} in {:?}",
                    l.range,
                    doc.text
                );
            }
        }
    }

    #[test]
    fn code_and_table_rows_are_not_filtered_as_furniture() {
        let doc = article_with(
            "<pre>npm run subscribe-worker</pre><table><tr><td>N/A</td><td>N/A</td><td>N/A</td></tr><tr><td>N/A</td><td>N/A</td><td>N/A</td></tr></table>",
        );
        assert!(
            doc.text.contains("npm run subscribe-worker"),
            "{}",
            doc.text
        );
        assert_eq!(doc.text.matches("N/A").count(), 6, "{}", doc.text);
    }

    #[test]
    fn a_duration_in_a_time_element_is_not_the_date() {
        assert!(starts_with_date("2024-03-14T08:30:00Z") && starts_with_date("2024-03-14"));
        assert!(!starts_with_date("PT5M") && !starts_with_date("5 min"));
        let doc = article_with("<p><time datetime=\"PT5M\">5 min read</time></p>");
        assert_ne!(doc.date(), Some("PT5M"));
    }

    #[test]
    fn dates() {
        assert_eq!(short_date("2024-03-14T08:30:00Z"), "2024-03-14");
        assert_eq!(short_date(" March 14,\n 2024 "), "March 14, 2024");
    }

    #[test]
    fn fragment_without_article_shows_everything() {
        let doc = load_html("<p>Hello &amp; <b>bye</b></p>", None);
        assert_eq!(doc.text, "Hello & bye");
        assert_eq!(doc.notes, [NO_ARTICLE_NOTE]);
        assert_eq!(doc.offsets, Offsets::Text);
    }

    #[test]
    fn inline_code_elements_are_marked() {
        let doc = load_html(
            "<p>Run <code> cargo  build </code> or <kbd>q</kbd>.</p><pre><code>block</code></pre>",
            None,
        );
        let spans: Vec<&str> = doc.code.iter().map(|c| doc.slice(c)).collect();
        assert_eq!(spans, ["cargo build", "q"]);
    }
}
