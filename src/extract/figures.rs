//! Figures: percentages, money, quantities, dates, counts and ordinals, found
//! by scanning the tokens of each sentence, with a parsed value and unit.

use super::numbers as n;
use super::tokenize::{Tok, TokKind};
use super::{Figure, FigureKind, Prepared, Sent};

/// Number and ordinal words begin with one of these letters.
fn may_be_number_word(w: &str) -> bool {
    w.len() <= 12
        && matches!(
            w.as_bytes()[0] | 0x20,
            b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'h'
        )
}

/// A figure can begin at this word (the checks `Scan::scan` makes of a word
/// before it gives up on it).
pub(super) fn may_begin(w: &str) -> bool {
    n::weekday(w)
        || n::month(w).is_some()
        || n::dollar_prefix(w).is_some()
        || (may_be_number_word(w) && (n::small_number(w).is_some() || n::ordinal_word(w).is_some()))
}

struct Scan<'a> {
    text: &'a str,
    ts: &'a [Tok],
    /// Per token of `ts`: a word that may begin a figure.
    begins: &'a dyn Fn(usize) -> bool,
}

struct Num {
    end: usize,
    value: f64,
    word: bool,
    ordinal: bool,
    /// Plain four-digit integer without separators.
    year_like: bool,
    decade: bool,
}

impl<'a> Scan<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.ts.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }
    fn glued(&self, i: usize) -> bool {
        self.ts.get(i).is_some_and(|t| !t.gap())
    }
    fn is_num(&self, i: usize) -> bool {
        self.ts.get(i).is_some_and(|t| t.kind() == TokKind::Num)
    }

    /// A number starting at token `i` (digits, or number words, plus scale).
    fn number(&self, i: usize) -> Option<Num> {
        let t = self.ts.get(i)?;
        let s = t.text(self.text);
        if t.kind() == TokKind::Word && !may_be_number_word(s) {
            return None;
        }
        let mut num = if t.kind() == TokKind::Num {
            let (digits, ordinal, decade) = if let Some(d) =
                ["st", "nd", "rd", "th", "ST", "ND", "RD", "TH"]
                    .iter()
                    .find_map(|x| s.strip_suffix(x))
            {
                (d, true, false)
            } else if let Some(d) = s.strip_suffix(['s', 'S']) {
                (d, false, true)
            } else {
                (s, false, false)
            };
            let clean: std::borrow::Cow<str> = if digits.contains(',') {
                digits.replace(',', "").into()
            } else {
                digits.into()
            };
            let value: f64 = clean.parse().ok()?;
            let year_like =
                !ordinal && clean.len() == 4 && !clean.contains('.') && !digits.contains(',');
            Num {
                end: i + 1,
                value,
                word: false,
                ordinal,
                year_like,
                decade: decade && year_like,
            }
        } else if let Some(v) = n::small_number(s) {
            let mut value = v;
            let mut end = i + 1;
            // "twenty-five"
            if v >= 20.0
                && self.w(end) == "-"
                && self.glued(end)
                && self.glued(end + 1)
                && let Some(u) = n::small_number(self.w(end + 1)).filter(|&u| u < 10.0)
            {
                value += u;
                end += 2;
            }
            Num {
                end,
                value,
                word: true,
                ordinal: false,
                year_like: false,
                decade: false,
            }
        } else if let Some(v) = n::ordinal_word(s) {
            Num {
                end: i + 1,
                value: v,
                word: true,
                ordinal: true,
                year_like: false,
                decade: false,
            }
        } else {
            return None;
        };
        if num.ordinal {
            return Some(num);
        }
        // Scale words: "2 million", "five thousand", "2.1bn".
        loop {
            let w = self.w(num.end);
            let sc = n::scale(w).or_else(|| {
                if !num.word && !self.glued(num.end) {
                    None
                } else {
                    n::digit_scale(w).filter(|_| !num.word)
                }
            });
            match sc {
                Some(f)
                    if self
                        .ts
                        .get(num.end)
                        .is_some_and(|t| t.kind() == TokKind::Word) =>
                {
                    num.value *= f;
                    num.end += 1;
                    num.year_like = false;
                }
                _ => break,
            }
        }
        Some(num)
    }

    #[allow(clippy::too_many_arguments)]
    fn fig(
        &self,
        kind: FigureKind,
        a: usize,
        b: usize,
        value: Option<f64>,
        unit: Option<&'static str>,
        date: Option<String>,
    ) -> Figure {
        Figure {
            kind,
            range: self.ts[a].start()..self.ts[b - 1].end(),
            sentence: self.ts[0].start()..self.ts[self.ts.len() - 1].end(),
            value,
            unit,
            date,
        }
    }

    /// "March 3, 2006", "March 2023", "3 March 2006" from a month at `i`.
    fn month_date(&self, i: usize) -> Option<(usize, String)> {
        let m = n::month(self.w(i))?;
        let day = self.number(i + 1).filter(|d| {
            !d.word && !d.year_like && d.value >= 1.0 && d.value <= 31.0 && d.value.fract() == 0.0
        });
        if let Some(d) = day {
            let mut end = d.end;
            let mut iso = format!("--{m:02}-{:02}", d.value as u32);
            let mut j = end;
            if self.w(j) == "," {
                j += 1;
            }
            if let Some(y) = self.number(j).filter(|y| y.year_like) {
                iso = format!("{:04}-{m:02}-{:02}", y.value as u32, d.value as u32);
                end = y.end;
            }
            return Some((end, iso));
        }
        let y = self.number(i + 1).filter(|y| y.year_like)?;
        Some((y.end, format!("{:04}-{m:02}", y.value as u32)))
    }

    fn scan(&self, out: &mut Vec<Figure>) {
        let mut i = 0;
        while i < self.ts.len() {
            let w = self.w(i);
            let t = &self.ts[i];
            // Punctuation only begins money ("$5", "€2"); a word only when
            // it is a number, ordinal, month or weekday word.
            if (t.kind() == TokKind::Word && !(self.begins)(i))
                || (t.kind() == TokKind::Punct && n::currency(w).is_none())
            {
                i += 1;
                continue;
            }
            // Weekday, optionally followed by a date.
            if n::weekday(w) {
                let mut j = i + 1;
                if self.w(j) == "," {
                    j += 1;
                }
                if let Some((end, iso)) = self.month_date(j) {
                    out.push(self.fig(FigureKind::Date, i, end, None, None, Some(iso)));
                    i = end;
                } else {
                    out.push(self.fig(FigureKind::Date, i, i + 1, None, None, None));
                    i += 1;
                }
                continue;
            }
            if let Some((end, iso)) = self.month_date(i) {
                out.push(self.fig(FigureKind::Date, i, end, None, None, Some(iso)));
                i = end;
                continue;
            }
            // Currency before the number: "$5", "AU$2.1 billion".
            let mut cur = None;
            let mut start = i;
            let mut j = i;
            if let Some(c) = n::dollar_prefix(w)
                .filter(|_| self.w(i + 1) == "$" && self.glued(i + 1) && self.is_num(i + 2))
            {
                cur = Some(c);
                j = i + 2;
            } else if let Some(c) =
                n::currency(w).filter(|_| self.ts[i].kind() == TokKind::Punct && self.is_num(i + 1))
            {
                cur = Some(c);
                j = i + 1;
            }
            let Some(num) = self.number(j) else {
                i += 1;
                continue;
            };
            // "Ge1:2", "Ps23:4": the verse of a reference, not a count.
            if cur.is_none()
                && j >= 2
                && self.w(j - 1) == ":"
                && self.glued(j)
                && self.glued(j - 1)
                && self.w(j - 2).ends_with(|c: char| c.is_ascii_digit())
                && self.w(j - 2).contains(|c: char| c.is_alphabetic())
            {
                i = num.end;
                continue;
            }
            if cur.is_none() {
                start = j;
            }
            let mut end = num.end;
            let next = self.w(end);
            let value = num.value;
            if let Some(c) = cur {
                out.push(self.fig(FigureKind::Money, start, end, Some(value), Some(c), None));
                i = end;
                continue;
            }
            // Ordinals: "43rd", "first".
            if num.ordinal {
                if !(num.word && (self.w(start.wrapping_sub(1)) == "-")) {
                    out.push(self.fig(FigureKind::Ordinal, start, end, Some(value), None, None));
                }
                i = end;
                continue;
            }
            // Time of day "22:30".
            if next == ":"
                && self.glued(end)
                && self.is_num(end + 1)
                && self.glued(end + 1)
                && !num.word
            {
                let mins: f64 = self.w(end + 1).parse().unwrap_or(0.0);
                let iso = format!("{:02}:{:02}", value as u32, mins as u32);
                out.push(self.fig(FigureKind::Date, start, end + 2, None, None, Some(iso)));
                i = end + 2;
                continue;
            }
            if next == "%" || next.eq_ignore_ascii_case("percent") {
                out.push(self.fig(
                    FigureKind::Percent,
                    start,
                    end + 1,
                    Some(value / 100.0),
                    None,
                    None,
                ));
                i = end + 1;
                continue;
            }
            if next == "per" && self.w(end + 1) == "cent" {
                out.push(self.fig(
                    FigureKind::Percent,
                    start,
                    end + 2,
                    Some(value / 100.0),
                    None,
                    None,
                ));
                i = end + 2;
                continue;
            }
            // "3 March 2006"
            if !num.word
                && (1.0..=31.0).contains(&value)
                && next.len() > 3
                && let Some(m) = n::month(next)
            {
                let mut iso = format!("--{m:02}-{:02}", value as u32);
                end += 1;
                if let Some(y) = self.number(end).filter(|y| y.year_like) {
                    iso = format!("{:04}-{m:02}-{:02}", y.value as u32, value as u32);
                    end = y.end;
                }
                out.push(self.fig(FigureKind::Date, start, end, None, None, Some(iso)));
                i = end;
                continue;
            }
            // Hyphenated: "two-day", "one-tenth", "nine-month-old", "30-year".
            let hyph = next == "-" && self.glued(end) && self.glued(end + 1);
            let unit_at = if hyph { end + 1 } else { end };
            let uw = self.w(unit_at);
            if let Some(d) = n::fraction(uw).filter(|_| hyph || num.word) {
                out.push(self.fig(
                    FigureKind::Count,
                    start,
                    unit_at + 1,
                    Some(value / d),
                    None,
                    None,
                ));
                i = unit_at + 1;
                continue;
            }
            if let Some(c) = n::currency(uw).filter(|_| {
                self.ts
                    .get(unit_at)
                    .is_some_and(|t| t.kind() == TokKind::Word)
            }) {
                out.push(self.fig(
                    FigureKind::Money,
                    start,
                    unit_at + 1,
                    Some(value),
                    Some(c),
                    None,
                ));
                i = unit_at + 1;
                continue;
            }
            if let Some(u) = n::time_unit(uw) {
                let mut e = unit_at + 1;
                let mut kind = FigureKind::Date;
                if hyph && self.w(e) == "-" && self.glued(e) && self.w(e + 1) == "old" {
                    e += 2;
                    kind = FigureKind::Count;
                }
                out.push(self.fig(kind, start, e, Some(value), Some(u), None));
                i = e;
                continue;
            }
            let square =
                matches!(uw, "square" | "sq") && n::measure_unit(self.w(unit_at + 1)).is_some();
            let mu = if square {
                n::measure_unit(self.w(unit_at + 1))
            } else {
                n::measure_unit(uw)
            };
            if let Some((u, f)) = mu.filter(|_| !num.word || uw.len() > 2) {
                let e = unit_at + 1 + usize::from(square);
                let unit = if square {
                    if u == "km" { "km2" } else { "m2" }
                } else {
                    u
                };
                out.push(self.fig(
                    FigureKind::Quantity,
                    start,
                    e,
                    Some(value * f),
                    Some(unit),
                    None,
                ));
                i = e;
                continue;
            }
            if num.year_like && (1000.0..=2100.0).contains(&value) || num.decade {
                let iso = format!("{:04}", value as u32);
                out.push(self.fig(FigureKind::Date, start, end, None, None, Some(iso)));
                i = end;
                continue;
            }
            // Plain counts; a lone "one" is mostly a pronoun or determiner.
            let lone_one = num.word && value == 1.0 && end == j + 1;
            let part_of_code =
                !num.word && start > 0 && self.w(start - 1) == "-" && !self.ts[start].gap();
            if !lone_one && !part_of_code {
                out.push(self.fig(FigureKind::Count, start, end, Some(value), None, None));
            }
            i = end;
        }
    }
}

pub fn collect(p: &Prepared, sent: &Sent, out: &mut Vec<Figure>) {
    let ts = &p.toks[sent.toks()];
    let first = sent.toks().start;
    let begins = |i: usize| p.figure_word(first + i);
    Scan {
        text: p.text,
        ts,
        begins: &begins,
    }
    .scan(out);
}
