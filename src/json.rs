//! The `--json` output contract (see `../shared/eval/README.md`).
//!
//! The output is serialized straight from borrowed views of the document and
//! its facts (no intermediate `serde_json::Value` tree), so a big text's
//! thousands of mentions cost neither a copy nor a second pass.

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use crate::document::{Document, Offsets};
use crate::extract::{Entity, EntityKind, Facts, Figure, FigureKind};

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn figure_kind(k: FigureKind) -> &'static str {
    k.name()
}

/// What `--json` prints besides the facts.
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    /// Include the text the offsets index: the input as given (`source`,
    /// which the caller passes here), or the extracted text (`text`).
    pub with_text: bool,
    pub source: Option<&'a str>,
    /// Notes about the input ("facts from the first 16 MB only").
    pub notes: Vec<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a str>,
    offsets: &'static str,
    entities: Entities<'a>,
    figures: Figures<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

struct Entities<'a>(&'a Document, &'a [Entity]);
struct Figures<'a>(&'a Document, &'a [Figure]);

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mentions: Mentions<'a>,
}

struct Mentions<'a>(&'a Document, &'a Entity);

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Bounds {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    text: &'a str,
    kind: &'static str,
    start: usize,
    end: usize,
    sentence: Bounds,
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metric: Option<Metric>,
    date: Option<&'a str>,
}

/// A figure in a unit that is not metric, converted ("36,000ft": 10972.8 m).
#[derive(Serialize)]
struct Metric {
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    unit: &'static str,
}

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for e in self.1 {
            seq.serialize_element(&EntityOut {
                name: &e.name,
                kind: entity_kind(e.kind),
                aliases: &e.aliases,
                mentions: Mentions(self.0, e),
            })?;
        }
        seq.end()
    }
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let src = |o: usize| doc.source_map.to_source(o);
        let mut seq = s.serialize_seq(Some(self.1.mentions.len()))?;
        for m in &self.1.mentions {
            seq.serialize_element(&Span {
                start: src(m.start),
                end: src(m.end),
                text: &doc.text[m.clone()],
            })?;
        }
        seq.end()
    }
}

impl Serialize for Figures<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let src = |o: usize| doc.source_map.to_source(o);
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for f in self.1 {
            seq.serialize_element(&FigureOut {
                text: &doc.text[f.range.clone()],
                kind: figure_kind(f.kind),
                start: src(f.range.start),
                end: src(f.range.end),
                sentence: Bounds {
                    start: src(f.sentence.start),
                    end: src(f.sentence.end),
                },
                value: f.value,
                high: f.high,
                unit: f.unit,
                counted: f.counted.clone().map(|r| &doc.text[r]),
                metric: f
                    .metric()
                    .map(|(value, high, unit)| Metric { value, high, unit }),
                date: f.date.as_deref(),
            })?;
        }
        seq.end()
    }
}

/// Writes the facts of `doc` as one JSON object and a newline. Offsets are
/// mapped back to the input as given through the source map (or into the
/// extracted text for HTML); `with_text` includes the text they index.
pub fn write(
    out: &mut impl Write,
    doc: &Document,
    facts: &Facts,
    opts: &Options,
) -> serde_json::Result<()> {
    let output = Output {
        title: doc.title(),
        byline: doc.byline(),
        date: doc.date(),
        site: doc.site(),
        offsets: match doc.offsets {
            Offsets::Source => "source",
            Offsets::Text => "text",
            Offsets::Decoded => "decoded",
        },
        entities: Entities(doc, &facts.entities),
        figures: Figures(doc, &facts.figures),
        text: opts.with_text.then_some(match (doc.offsets, opts.source) {
            (Offsets::Source | Offsets::Decoded, Some(source)) => source,
            _ => doc.text.as_str(),
        }),
        notes: &opts.notes,
    };
    serde_json::to_writer(&mut *out, &output)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The JSON document as a string (tests and the library).
pub fn to_string(doc: &Document, facts: &Facts, opts: &Options) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail, and serde_json writes UTF-8.
    let _ = write(&mut buf, doc, facts, opts);
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load_plain;
    use crate::extract::extract;

    #[test]
    fn html_metadata_fields() {
        let para = "<p>The harbour authority approved the expansion of the northern port \
                    on Tuesday after a decade of delays, and the work on the new berths \
                    starts in the autumn and will take four years, officials said.</p>";
        let page = format!(
            "<html><head><title>Big news - The Daily</title>\
             <meta property=\"og:site_name\" content=\"The Daily\">\
             <meta name=\"author\" content=\"Jane Doe\">\
             <meta property=\"article:published_time\" content=\"2024-03-14T08:30:00Z\">\
             </head><body><article><h1>Big news</h1>{}</article></body></html>",
            para.repeat(12)
        );
        let doc = crate::document::load_html(&page, None);
        let v: serde_json::Value =
            serde_json::from_str(&to_string(&doc, &extract(&doc), &Options::default())).unwrap();
        assert_eq!(v["title"], "Big news");
        assert_eq!(v["byline"], "Jane Doe");
        assert_eq!(v["date"], "2024-03-14");
        assert_eq!(v["site"], "The Daily");
        assert_eq!(v["offsets"], "text");
    }

    #[test]
    fn contract_fields_and_offsets() {
        let text = "Title\n\nNearly 20% of oil went to China, Vladimir Putin said.\n";
        let doc = load_plain(text);
        let facts = extract(&doc);
        let opts = Options {
            with_text: true,
            source: Some(text),
            notes: vec!["a note".into()],
        };
        let v: serde_json::Value = serde_json::from_str(&to_string(&doc, &facts, &opts)).unwrap();
        assert_eq!(v["title"], "Title");
        assert!(v.get("site").is_none(), "no site name, no field");
        assert_eq!(v["offsets"], "source");
        assert_eq!(v["notes"][0], "a note");
        assert_eq!(v["text"], doc.text.as_str());
        let putin = v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == "Vladimir Putin")
            .expect("Putin");
        assert_eq!(putin["kind"], "person");
        let m = &putin["mentions"][0];
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        let pct = &v["figures"][0];
        assert_eq!(
            (pct["kind"].as_str(), pct["value"].as_f64()),
            (Some("percent"), Some(0.2))
        );
        let (s, e) = (
            pct["sentence"]["start"].as_u64().unwrap() as usize,
            pct["sentence"]["end"].as_u64().unwrap() as usize,
        );
        assert!(text[s..e].starts_with("Nearly 20%"));
        // Without text or notes, the keys are absent.
        let v: serde_json::Value =
            serde_json::from_str(&to_string(&doc, &facts, &Options::default())).unwrap();
        assert!(v.get("text").is_none() && v.get("notes").is_none());
    }

    #[test]
    fn figure_values_print_in_shortest_form_with_their_extras() {
        let text = "Growth was 0.9% as 162 passengers flew 8–10 hours at 36,000ft.\n";
        let doc = load_plain(text);
        let json = to_string(&doc, &extract(&doc), &Options::default());
        assert!(json.contains(r#""text":"0.9%","kind":"percent""#), "{json}");
        assert!(json.contains(r#""value":0.009,"#), "{json}");
        assert!(!json.contains("0.009000000000000001"), "{json}");
        assert!(json.contains(r#""counted":"passengers""#), "{json}");
        assert!(
            json.contains(r#""value":8.0,"high":10.0,"unit":"hour""#),
            "{json}"
        );
        assert!(
            json.contains(r#""unit":"ft","metric":{"value":10972.8,"unit":"m"}"#),
            "{json}"
        );
    }
}
