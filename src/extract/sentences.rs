//! Sentence splitting over tokens. A sentence ends at ".", "!", "?" or "…"
//! followed by a capital, a digit, an opening quote or the end of the block,
//! unless the "." closes an abbreviation ("Mr.", "Dr.", "U.S.", "F.").

use std::ops::Range;

use super::tokenize::{Tok, TokKind};

/// Abbreviations after which "." never ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt",
    "Col", "Capt", "Sgt", "Cmdr", "Adm", "Rev", "Hon", "Pres", "Mt", "Ft", "No", "vs", "etc",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Fig", "fig",
    "Vol", "vol", "pp", "Inc", "Ltd", "Corp", "Co", "Bros", "Ave", "Blvd", "Dept",
];

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

fn starts_sentence(t: &Tok, text: &str) -> bool {
    match t.kind() {
        TokKind::Word => t.cap(),
        TokKind::Num => true,
        TokKind::Punct => matches!(
            t.text(text),
            "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "-" | "—"
        ),
    }
}

/// Splits `toks[range]` into sentences; returns token index ranges.
pub fn split(text: &str, toks: &[Tok], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &toks[i];
        let s = t.text(text);
        let mut boundary = false;
        if t.kind() == TokKind::Punct && is_terminal(s) {
            let mut j = i + 1;
            while j < range.end
                && toks[j].kind() == TokKind::Punct
                && !toks[j].gap()
                && (is_terminal(toks[j].text(text)) || is_closer(toks[j].text(text)))
            {
                j += 1;
            }
            let next_ok = j >= range.end || (toks[j].gap() && starts_sentence(&toks[j], text));
            let abbrev = s == "." && i > range.start && {
                let p = &toks[i - 1];
                let ps = p.text(text);
                p.end() == t.start()
                    && p.kind() == TokKind::Word
                    && (ABBREVIATIONS.contains(&ps) || (ps.chars().count() == 1 && p.cap()))
            };
            if next_ok && !abbrev {
                boundary = true;
                i = j;
            }
        }
        if boundary {
            out.push(start..i);
            start = i;
        } else {
            i += 1;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize_into;
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize_into(s, 0, s.len(), &mut toks);
        split(s, &toks, 0..toks.len())
            .into_iter()
            .map(|r| s[toks[r.start].start()..toks[r.end - 1].end()].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Smith met Dr. Jones in the U.S. on Friday. They talked. \"Yes!\" he said."),
            [
                "Mr. Smith met Dr. Jones in the U.S. on Friday.",
                "They talked.",
                "\"Yes!\" he said."
            ]
        );
        assert_eq!(
            sents("John F. Kennedy spoke. It was 3.5 hours."),
            ["John F. Kennedy spoke.", "It was 3.5 hours."]
        );
        assert_eq!(sents("no punctuation at all"), ["no punctuation at all"]);
        assert_eq!(
            sents("He left... and came back."),
            ["He left... and came back."]
        );
    }
}
