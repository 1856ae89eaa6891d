//! Figures: percentages, money, quantities, dates, counts and ordinals, found
//! by scanning the tokens of each sentence, with a parsed value and unit.

use super::numbers as n;
use super::tokenize::{Tok, TokKind};
use super::{Figure, FigureKind, FxSet, Prepared, Sent};

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

/// Denominators of written fractions ("1/2", "3/8"); "9/11" and "24/7"
/// are names.
const DENOMINATORS: [f64; 8] = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0];

fn is_among(w: &str, list: &[&str]) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

struct Scan<'a> {
    text: &'a str,
    ts: &'a [Tok],
    /// Per token of `ts`: a word that may begin a figure.
    begins: &'a dyn Fn(usize) -> bool,
}

#[derive(Clone, Copy)]
struct Num<'a> {
    end: usize,
    value: f64,
    word: bool,
    ordinal: bool,
    /// Plain four-digit integer without separators.
    year_like: bool,
    decade: bool,
    /// Integer digits without separators or a decimal point ("8501").
    plain: bool,
    /// The factor of a scale word or suffix ("million", "bn"), else 1.
    scale: f64,
    /// A unit glued to the digits: "ft" of "36,000ft".
    glued_unit: Option<&'a str>,
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
    fn is_word(&self, i: usize) -> bool {
        self.ts.get(i).is_some_and(|t| t.kind() == TokKind::Word)
    }
    /// The word before token `i` ("" at the start of the sentence).
    fn before(&self, i: usize, back: usize) -> &'a str {
        i.checked_sub(back).map_or("", |k| self.w(k))
    }

    /// A number starting at token `i` (digits, or number words, plus scale).
    fn number(&self, i: usize) -> Option<Num<'a>> {
        let t = self.ts.get(i)?;
        let s = t.text(self.text);
        if t.kind() == TokKind::Word && !may_be_number_word(s) {
            return None;
        }
        let mut num = if t.kind() == TokKind::Num {
            // Digits, then letters glued to them: an ordinal suffix, a
            // decade's "s", a scale ("5bn", "3.2m") or a unit ("36,000ft").
            let split = s.find(|c: char| c.is_alphabetic()).unwrap_or(s.len());
            let (digits, suffix) = s.split_at(split);
            let ordinal = ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(suffix));
            let decade = suffix == "s" || suffix == "S";
            let scale = n::digit_scale(suffix).or_else(|| n::scale(suffix));
            let glued_unit =
                (!suffix.is_empty() && !ordinal && !decade && scale.is_none()).then_some(suffix);
            let known = |u: &str| {
                matches!(u, "C" | "F")
                    || n::measure_unit(u).is_some()
                    || n::time_unit(u).is_some()
                    || matches!(u, "am" | "pm" | "AM" | "PM")
            };
            if glued_unit.is_some_and(|u| !known(u)) {
                return None;
            }
            // "55,7" (one comma, not before three digits): a decimal comma.
            let decimal_comma = digits
                .split_once(',')
                .is_some_and(|(_, frac)| frac.len() != 3 && !frac.contains([',', '.']));
            let clean: std::borrow::Cow<str> = if decimal_comma {
                digits.replace(',', ".").into()
            } else if digits.contains(',') {
                digits.replace(',', "").into()
            } else {
                digits.into()
            };
            let value: f64 = clean.parse().ok()?;
            let plain = suffix.is_empty() && !digits.contains([',', '.']);
            let year_like = (plain || decade) && clean.len() == 4 && !clean.contains('.');
            Num {
                end: i + 1,
                value: value * scale.unwrap_or(1.0),
                word: false,
                ordinal,
                year_like: year_like && scale.is_none(),
                decade: decade && year_like,
                plain,
                scale: scale.unwrap_or(1.0),
                glued_unit,
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
                plain: false,
                scale: 1.0,
                glued_unit: None,
            }
        } else if let Some(v) = n::ordinal_word(s) {
            Num {
                end: i + 1,
                value: v,
                word: true,
                ordinal: true,
                year_like: false,
                decade: false,
                plain: false,
                scale: 1.0,
                glued_unit: None,
            }
        } else {
            return None;
        };
        if num.ordinal || num.glued_unit.is_some() || num.scale != 1.0 {
            return Some(num);
        }
        // Scale words: "2 million", "five thousand", "2.1 bn".
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
                Some(f) if self.is_word(num.end) => {
                    num.value *= f;
                    num.scale *= f;
                    num.end += 1;
                    num.year_like = false;
                    num.plain = false;
                }
                _ => break,
            }
        }
        Some(num)
    }

    /// "8–10", "3-5 million": the high end of a range after `lo`.
    fn range_end(&self, lo: &Num, start: usize) -> Option<Num<'a>> {
        let dash = self.w(lo.end);
        // "20.8 to 23.5 percent", "1.5 to 2 degrees": a range when the unit
        // follows the second number only ("from 9 to 10" is a change).
        // "between 60 and 80 billion kronor" (years stay two dates).
        let between =
            dash == "and" && self.before(start, 1).eq_ignore_ascii_case("between") && !lo.year_like;
        if (dash == "to" || between)
            && !lo.word
            && !lo.ordinal
            && lo.glued_unit.is_none()
            && !is_among(
                self.before(start, 1),
                &["from", "rose", "fell", "increased", "decreased"],
            )
            && let Some(hi) = self.number(lo.end + 1).filter(|hi| !hi.word && !hi.ordinal)
            && (between || self.unit_follows(hi.end))
            && !hi.year_like
            && hi.value > lo.value
        {
            return Some(hi);
        }
        if !matches!(dash, "-" | "–" | "—")
            || lo.word
            || lo.ordinal
            || lo.glued_unit.is_some()
            || !self.is_num(lo.end + 1)
            // "2-1" glued on one side only is a score or a code.
            || self.glued(lo.end) != self.glued(lo.end + 1)
        {
            return None;
        }
        let hi = self.number(lo.end + 1)?;
        if self.code(lo, &hi) {
            return None;
        }
        let years = lo.year_like && hi.year_like;
        let rising = hi.value > lo.value * (hi.scale / lo.scale).max(1.0);
        (rising && !(hi.ordinal || hi.word || years)).then_some(hi)
    }

    /// Does a percent sign or a unit begin at token `k`?
    fn unit_follows(&self, k: usize) -> bool {
        let w = self.w(k);
        w == "%"
            || w.eq_ignore_ascii_case("percent")
            || (w == "per" && self.w(k + 1) == "cent")
            || (self.is_word(k)
                && (n::time_unit(w).is_some()
                    || n::measure_unit(w).is_some()
                    || n::currency(w).is_some()
                    || n::scale(w).is_some()))
    }

    /// Is `lo`-`hi` (joined by a hyphen) a phone number or a code rather
    /// than a range: "944-6800", "555-123-4567", "2023-03-05", "0800-123"?
    fn code(&self, lo: &Num, hi: &Num) -> bool {
        let (lo_w, hi_w) = (self.w(lo.end - 1), self.w(lo.end + 1));
        self.glued(lo.end)
            && ((self.w(hi.end) == "-" && self.is_num(hi.end + 1))
                || (hi_w.len() > 1 && hi_w.starts_with('0'))
                || (lo.plain && hi.plain && lo_w.len() == 3 && hi_w.len() == 4))
    }

    /// The end of a numeric date at token `j`: "21.04.2022" (one token) or
    /// "04/21/2022" (five).
    fn numeric_date(&self, j: usize) -> Option<usize> {
        let t = self.ts.get(j).filter(|t| t.kind() == TokKind::Num)?;
        let w = t.text(self.text);
        let part = |p: &str, max: u32| {
            !p.is_empty() && p.len() <= 2 && p.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v))
        };
        let year =
            |p: &str| (p.len() == 4 || p.len() == 2) && p.bytes().all(|b| b.is_ascii_digit());
        let date = |a: &str, b: &str, c: &str| {
            year(c) && ((part(a, 31) && part(b, 12)) || (part(a, 12) && part(b, 31)))
        };
        let dots: Vec<&str> = w.split('.').collect();
        if let [a, b, c] = dots[..] {
            return date(a, b, c).then_some(j + 1);
        }
        let (a, b, c) = (w, self.w(j + 2), self.w(j + 4));
        (self.w(j + 1) == "/"
            && self.w(j + 3) == "/"
            && (j + 1..=j + 4).all(|k| self.glued(k))
            && date(a, b, c))
        .then_some(j + 5)
    }

    /// "2023-03-05" (tokens `j..k`): the date.
    fn iso_date(&self, j: usize, year: &Num, month: &Num, k: usize) -> Option<String> {
        let day = self.w(k - 1);
        (year.year_like
            && k == j + 5
            && self.w(j + 2).len() == 2
            && day.len() == 2
            && (1.0..=12.0).contains(&month.value)
            && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
        .then(|| format!("{}-{}-{day}", self.w(j), self.w(j + 2)))
    }

    fn fig(&self, kind: FigureKind, a: usize, b: usize) -> Figure {
        Figure {
            kind,
            range: self.ts[a].start()..self.ts[b - 1].end(),
            sentence: self.ts[0].start()..self.ts[self.ts.len() - 1].end(),
            value: None,
            high: None,
            unit: None,
            counted: None,
            date: None,
        }
    }

    /// "March 3, 2006", "March 2023", "3 March 2006" from a month at `i`.
    fn month_date(&self, i: usize) -> Option<(usize, String)> {
        let m = n::month(self.w(i))?;
        // "Nov. 9"
        let i = if self.w(i).len() <= 4 && self.w(i + 1) == "." && self.glued(i + 1) {
            i + 1
        } else {
            i
        };
        let day = self.number(i + 1).filter(|d| {
            d.plain && !d.year_like && d.value >= 1.0 && d.value <= 31.0 && d.value.fract() == 0.0
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

    /// "3 March 2006", "5 May", "3 Mar 2006" from a day at `i`.
    fn day_month(&self, i: usize) -> Option<(usize, String)> {
        let day = self
            .number(i)
            .filter(|d| d.plain && (1.0..=31.0).contains(&d.value) && d.value.fract() == 0.0)?;
        let next = self.w(day.end);
        let m = n::month(next)?;
        let mut e = day.end + 1;
        if next.len() == 3 && next != "May" && self.w(e) == "." {
            e += 1;
        }
        let year = self.number(e).filter(|y| y.year_like);
        if next.len() == 3 && next != "May" && year.is_none() {
            return None;
        }
        Some(match year {
            Some(y) => (
                y.end,
                format!("{:04}-{m:02}-{:02}", y.value as u32, day.value as u32),
            ),
            None => (e, format!("--{m:02}-{:02}", day.value as u32)),
        })
    }

    /// The end of "am", "p.m." at token `k`.
    fn meridiem(&self, k: usize) -> Option<usize> {
        let w = self.w(k);
        let ampm = |w: &str| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "am" | "pm" | "a.m." | "p.m."
            )
        };
        if ampm(w) {
            return Some(k + 1);
        }
        // "a.m" then "." when the sentence ends there.
        (matches!(w, "a.m" | "p.m" | "A.M" | "P.M") && self.w(k + 1) == ".").then_some(k + 2)
    }

    /// Is token `i` a plural noun ("passengers", "people", "Americans")?
    fn plural_noun(&self, i: usize) -> bool {
        let Some(t) = self.ts.get(i).filter(|t| t.kind() == TokKind::Word) else {
            return false;
        };
        let w = t.text(self.text);
        if t.cap() {
            // Demonyms: "Americans", "Israelis".
            return !t.allcaps() && (w.ends_with("ans") || w.ends_with("is")) && w.len() > 5;
        }
        if is_among(w, n::IRREGULAR_PLURALS) {
            return true;
        }
        w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !is_among(w, n::NOT_COUNTED)
    }

    /// A modifier between a number and its noun ("nuclear", "pan-democratic"):
    /// the token after it.
    fn modifier(&self, i: usize) -> Option<usize> {
        let t = self.ts.get(i)?;
        let w = t.text(self.text);
        if t.kind() != TokKind::Word || t.cap() || is_among(w, n::NOT_COUNTED) {
            return None;
        }
        let mut end = i + 1;
        while self.w(end) == "-" && self.glued(end) && self.glued(end + 1) && self.is_word(end + 1)
        {
            end += 2;
        }
        Some(end)
    }

    /// The noun a number ending at token `at` counts: the token of the
    /// noun ("162 passengers", "22 nuclear reactors", "one Malaysian").
    fn counted(&self, at: usize, value: f64) -> Option<usize> {
        if value == 1.0 {
            let t = self.ts.get(at)?;
            let w = t.text(self.text);
            let demonym = t.cap()
                && !t.allcaps()
                && ["an", "ese", "ish", "i"].iter().any(|x| w.ends_with(x))
                && w.len() > 4;
            return (is_among(w, n::PERSON_NOUNS) || demonym).then_some(at);
        }
        if self.plural_noun(at) {
            return Some(at);
        }
        let m = self.modifier(at)?;
        self.plural_noun(m).then_some(m)
    }

    /// "of its uranium" after a figure ending at `at`: the noun it measures.
    fn measured(&self, at: usize) -> Option<usize> {
        if self.w(at) != "of" {
            return None;
        }
        let mut k = at + 1;
        if is_among(
            self.w(k),
            &["the", "its", "their", "his", "her", "all", "a", "an", "our"],
        ) {
            k += 1;
        }
        let t = self.ts.get(k)?;
        let w = t.text(self.text);
        (t.kind() == TokKind::Word && !t.cap() && w.len() > 2 && !is_among(w, n::NOT_COUNTED))
            .then_some(k)
    }

    /// Is token `i` the number of a list item ("1." or "2)" at the start of
    /// a line)?
    fn list_marker(&self, i: usize) -> bool {
        let start = self.ts[i].start();
        let line_start = self.text[..start]
            .bytes()
            .rev()
            .find(|&b| b != b' ' && b != b'\t')
            .is_none_or(|b| b == b'\n');
        line_start && matches!(self.w(i + 1), "." | ")") && self.glued(i + 1) && !self.glued(i + 2)
    }

    /// Does the number at `start` name a thing ("Flight 8501", "model 3",
    /// "No. 5", "#1")?
    fn identifier(&self, start: usize, num: &Num) -> bool {
        let digits = self.w(start);
        // "Python 3.11", "CC BY-NC-ND 2.0": a version after a name.
        let version = !num.word
            && digits.contains('.')
            && !digits.contains(',')
            && start >= 2
            && self.ts[start - 1].cap()
            && self.is_word(start - 1);
        if version {
            return true;
        }
        if num.word || !num.plain {
            return false;
        }
        // "4588304520": a phone number or an account, not a quantity (those
        // are written with separators or a scale word).
        if self.w(start).len() >= 7 {
            return true;
        }
        if start == 0 {
            return false;
        }
        let prev = self.w(start - 1);
        if prev == "#" || is_among(prev, n::IDENTIFIER_NOUNS) {
            return true;
        }
        if prev == "." && is_among(self.before(start, 2), &["no", "nos", "vol", "fig", "art"]) {
            return true;
        }
        // A name just before the number: "Vostok 1", "Boeing 747" (a year
        // stays a date: "Paris 2024"; "About 50" begins a sentence).
        let t = &self.ts[start - 1];
        t.kind() == TokKind::Word
            && t.cap()
            && (start >= 2
                || !is_among(prev, n::NOT_COUNTED) && !is_among(prev, n::SENTENCE_STARTS))
            && !num.year_like
            && n::month(prev).is_none()
            && !n::weekday(prev)
    }

    /// A capitalized word inside a sentence followed by another: part of a
    /// name ("Nine Mile", "The First Task").
    fn in_name(&self, start: usize, end: usize) -> bool {
        start > 0
            && self.ts[start].cap()
            && self
                .ts
                .get(end)
                .is_some_and(|t| t.kind() == TokKind::Word && t.cap())
    }

    /// "the two countries", "the other three": a number that refers back to
    /// things already named, not a figure.
    fn anaphoric(&self, start: usize, num: &Num) -> bool {
        if !num.word {
            return false;
        }
        let prev = self.before(start, 1);
        let det = |w: &str| is_among(w, &["the", "these", "those", "both"]);
        (num.value == 2.0 && det(prev))
            || (prev.eq_ignore_ascii_case("other") && det(self.before(start, 2)))
    }

    fn scan(&self, out: &mut Vec<Figure>, anaphors: &mut FxSet<(u64, String)>) {
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
                let (end, iso) = match self.month_date(j).or_else(|| self.day_month(j)) {
                    Some((end, iso)) => (end, Some(iso)),
                    None => (i + 1, None),
                };
                out.push(Figure {
                    date: iso,
                    ..self.fig(FigureKind::Date, i, end)
                });
                i = end;
                continue;
            }
            if let Some((end, iso)) = self.month_date(i) {
                out.push(Figure {
                    date: Some(iso),
                    ..self.fig(FigureKind::Date, i, end)
                });
                i = end;
                continue;
            }
            // Currency before the number: "$5", "AU$2.1 billion".
            let mut cur = None;
            let mut j = i;
            if let Some(c) = n::dollar_prefix(w)
                .filter(|_| self.w(i + 1) == "$" && self.glued(i + 1) && self.is_num(i + 2))
            {
                cur = Some(c);
                j = i + 2;
            } else if let Some(c) =
                n::currency(w).filter(|_| t.kind() == TokKind::Punct && self.is_num(i + 1))
            {
                cur = Some(c);
                j = i + 1;
            }
            // "21.04.2022", "04/21/2022": numeric dates; "1/2": a fraction.
            if cur.is_none()
                && let Some(e) = self.numeric_date(j)
            {
                out.push(self.fig(FigureKind::Date, j, e));
                i = e;
                continue;
            }
            let Some(mut lo) = self.number(j) else {
                i += 1;
                continue;
            };
            // "1 1/4 cups": a whole number and a fraction.
            let whole = lo.plain
                && self.is_num(lo.end)
                && self.w(lo.end + 1) == "/"
                && self.glued(lo.end + 1)
                && self.glued(lo.end + 2)
                && self
                    .number(lo.end + 2)
                    .is_some_and(|d| d.plain && DENOMINATORS.contains(&d.value));
            let mut whole_part = 0.0;
            if whole && let Some(frac) = self.number(lo.end) {
                whole_part = lo.value;
                lo = frac;
            }
            if self.w(lo.end) == "/" && lo.plain && self.glued(lo.end) && self.glued(lo.end + 1) {
                match self.number(lo.end + 1).filter(|d| d.plain) {
                    Some(d) if lo.value < d.value && DENOMINATORS.contains(&d.value) => {
                        lo.value = whole_part + lo.value / d.value;
                        lo.end = d.end;
                        lo.plain = false;
                    }
                    // "24/7", "9/11": codes, not figures.
                    Some(d) => {
                        i = d.end;
                        continue;
                    }
                    None => {}
                }
            }
            // "Ge1:2", "Ps23:4": the verse of a reference, not a count.
            if cur.is_none()
                && j >= 2
                && self.w(j - 1) == ":"
                && self.glued(j)
                && self.glued(j - 1)
                && self.w(j - 2).ends_with(|c: char| c.is_ascii_digit())
                && self.w(j - 2).contains(|c: char| c.is_alphabetic())
            {
                i = lo.end;
                continue;
            }
            // A minus sign: "-5 °C" ("STS-133" is a code: no space before).
            let negative = cur.is_none()
                && !lo.word
                && matches!(self.before(j, 1), "-" | "−")
                && self.glued(j)
                && self.ts[j - 1].gap();
            // Codes and phone numbers ("944-6800", "555-123-4567") are not
            // figures; an ISO date ("2023-03-05") is a date.
            if cur.is_none()
                && !lo.word
                && self.w(lo.end) == "-"
                && self.is_num(lo.end + 1)
                && let Some(hi) = self.number(lo.end + 1).filter(|hi| self.code(&lo, hi))
            {
                let mut k = lo.end;
                while self.w(k) == "-" && self.glued(k) && self.is_num(k + 1) {
                    k += 2;
                }
                if let Some(iso) = self.iso_date(j, &lo, &hi, k) {
                    out.push(Figure {
                        date: Some(iso),
                        ..self.fig(FigureKind::Date, j, k)
                    });
                }
                i = k;
                continue;
            }
            // The figure begins at the currency, the sign, or the number.
            let start = if cur.is_some() {
                i
            } else {
                j - usize::from(negative)
            };
            let sign = if negative { -1.0 } else { 1.0 };
            // A range is one figure: "8–10 years", "3-5%", "$3-5 million".
            let (value, high, num) = match self.range_end(&lo, start).filter(|_| !negative) {
                Some(hi) => {
                    let lo_value = lo.value * (hi.scale / lo.scale).max(1.0);
                    (n::tidy(lo_value), Some(n::tidy(hi.value)), hi)
                }
                None => (n::tidy(sign * lo.value), None, lo),
            };
            let end = num.end;
            let next = self.w(end);
            let with = |f: Figure| Figure {
                value: Some(value),
                high,
                ..f
            };
            if let Some(c) = cur {
                out.push(Figure {
                    unit: Some(c),
                    ..with(self.fig(FigureKind::Money, start, end))
                });
                i = end;
                continue;
            }
            // Ordinals: "43rd", "first".
            if num.ordinal {
                // "a third of the votes", "more than a third": a fraction
                // ("a third term" is a rank).
                let noun_next =
                    self.is_word(end) && !is_among(next, n::NOT_COUNTED) && !next.ends_with("ed");
                let about = is_among(
                    self.before(start, 2),
                    &[
                        "than", "about", "nearly", "almost", "roughly", "over", "around", "just",
                    ],
                );
                if let Some(d) = n::fraction(self.w(start)).filter(|_| {
                    num.word
                        && self.before(start, 1).eq_ignore_ascii_case("a")
                        && (about || !noun_next)
                }) {
                    out.push(Figure {
                        value: Some(n::tidy(1.0 / d)),
                        counted: self.measured(end).map(|k| self.ts[k].range()),
                        ..self.fig(FigureKind::Count, start - 1, end)
                    });
                    i = end;
                    continue;
                }
                let prev = self.before(start, 1);
                // "First, ...", "at first", "first-hand": discourse, not rank.
                // "The First Task": an ordinal in a name.
                let in_name = num.word && self.in_name(start, end);
                let discourse = num.word
                    && (in_name
                        || (start == 0 && next == ",")
                        || prev.eq_ignore_ascii_case("at")
                        || prev == "-"
                        || (next == "-" && self.glued(end)));
                if !discourse {
                    out.push(with(self.fig(FigureKind::Ordinal, start, end)));
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
                let e = self.meridiem(end + 2).unwrap_or(end + 2);
                let pm = e > end + 2 && self.w(end + 2).starts_with(['p', 'P']) && value < 12.0;
                let hours = value as u32 + if pm { 12 } else { 0 };
                let iso = format!("{hours:02}:{:02}", mins as u32);
                out.push(Figure {
                    date: Some(iso),
                    ..self.fig(FigureKind::Date, start, e)
                });
                i = e;
                continue;
            }
            // "3 a.m.", "6 pm", "4am".
            let meridiem = match num.glued_unit {
                Some(u) => matches!(u.to_ascii_lowercase().as_str(), "am" | "pm").then_some(end),
                None => self.meridiem(end),
            };
            if let Some(e) = meridiem.filter(|_| num.plain || num.glued_unit.is_some())
                && (1.0..=12.0).contains(&value)
                && high.is_none()
            {
                let pm = self.text[self.ts[start].start()..self.ts[e - 1].end()]
                    .to_ascii_lowercase()
                    .contains('p');
                let hours = value as u32 % 12 + if pm { 12 } else { 0 };
                out.push(Figure {
                    date: Some(format!("{hours:02}:00")),
                    ..self.fig(FigureKind::Date, start, e)
                });
                i = e;
                continue;
            }
            let percent_end = if next == "%" || next.eq_ignore_ascii_case("percent") {
                Some(end + 1)
            } else if next == "per" && self.w(end + 1) == "cent" {
                Some(end + 2)
            } else {
                None
            };
            if let Some(e) = percent_end {
                out.push(Figure {
                    value: Some(n::tidy(value / 100.0)),
                    high: high.map(|h| n::tidy(h / 100.0)),
                    counted: self.measured(e).map(|k| self.ts[k].range()),
                    ..self.fig(FigureKind::Percent, start, e)
                });
                i = e;
                continue;
            }
            // "3 March 2006", "5 May 2024", "3 Mar 2006".
            if high.is_none()
                && let Some((e, iso)) = self.day_month(start)
            {
                out.push(Figure {
                    date: Some(iso),
                    ..self.fig(FigureKind::Date, start, e)
                });
                i = e;
                continue;
            }
            // Hyphenated: "two-day", "one-tenth", "nine-month-old", "30-year".
            let hyph = next == "-" && self.glued(end) && self.glued(end + 1);
            let unit_at = if hyph { end + 1 } else { end };
            let uw = num.glued_unit.unwrap_or_else(|| self.w(unit_at));
            // Tokens the unit takes (none when glued to the digits).
            let unit_end = if num.glued_unit.is_some() {
                end
            } else {
                unit_at + 1
            };
            if let Some(d) = n::fraction(uw).filter(|_| hyph || num.word) {
                out.push(Figure {
                    value: Some(n::tidy(value / d)),
                    counted: self.measured(unit_end).map(|k| self.ts[k].range()),
                    ..self.fig(FigureKind::Count, start, unit_end)
                });
                i = unit_end;
                continue;
            }
            if let Some(c) =
                n::currency(uw).filter(|_| self.is_word(unit_at) && num.glued_unit.is_none())
            {
                out.push(Figure {
                    unit: Some(c),
                    ..with(self.fig(FigureKind::Money, start, unit_end))
                });
                i = unit_end;
                continue;
            }
            // Durations and ages are quantities of time: "two years",
            // "a 73-year-old", "10yrs".
            if let Some(u) = n::time_unit(uw) {
                let mut e = unit_end;
                if hyph && self.w(e) == "-" && self.glued(e) && self.w(e + 1) == "old" {
                    e += 2;
                }
                out.push(Figure {
                    unit: Some(u),
                    ..with(self.fig(FigureKind::Quantity, start, e))
                });
                i = e;
                continue;
            }
            // Units of measure: "4,000 kilometers", "36,000ft", "-5 °C",
            // "12 square miles".
            let (unit, e) = if let Some(t @ ("C" | "F")) = num.glued_unit {
                // "40C"
                (n::measure_unit(if t == "C" { "°C" } else { "°F" }), end)
            } else if uw == "°" && self.glued(unit_at + 1) && num.glued_unit.is_none() {
                let scale = match self.w(unit_at + 1) {
                    "C" => n::measure_unit("°C"),
                    "F" => n::measure_unit("°F"),
                    _ => None,
                };
                (scale, unit_at + 2)
            } else if matches!(uw, "square" | "sq") && num.glued_unit.is_none() {
                (
                    n::measure_unit(self.w(unit_at + 1)).and_then(n::square),
                    unit_at + 2,
                )
            } else {
                (
                    n::measure_unit(uw).filter(|_| {
                        num.glued_unit.is_some()
                            || (self.is_word(unit_at) && (!num.word || uw.len() > 2))
                    }),
                    unit_end,
                )
            };
            if let Some(mut u) = unit {
                let mut e = e;
                // "250 km/h", "3 m/s"
                if self.w(e) == "/"
                    && self.glued(e)
                    && self.glued(e + 1)
                    && let Some(speed) = match (u.symbol, self.w(e + 1)) {
                        ("km", "h" | "hr") => n::measure_unit("kph"),
                        ("mi", "h" | "hr") => n::measure_unit("mph"),
                        ("m", "s") => n::measure_unit("m/s"),
                        _ => None,
                    }
                {
                    u = speed;
                    e += 2;
                }
                // "2 degrees Celsius"
                if u.symbol == "°" {
                    let scale = match self.w(e) {
                        "Celsius" | "centigrade" => n::measure_unit("°C"),
                        "Fahrenheit" => n::measure_unit("°F"),
                        _ => None,
                    };
                    if let Some(scale) = scale {
                        u = scale;
                        e += 1;
                    }
                }
                out.push(Figure {
                    unit: Some(u.symbol),
                    counted: self.measured(e).map(|k| self.ts[k].range()),
                    ..with(self.fig(FigureKind::Quantity, start, e))
                });
                i = e;
                continue;
            }
            if num.glued_unit.is_some() {
                i = end;
                continue;
            }
            // "a two-country solution", "a 12-member panel": a count of the
            // noun after the hyphen.
            // "one-size-fits-all", "01-socket-http": a compound or a name.
            let compound = self.w(unit_at + 1) == "-" && self.glued(unit_at + 1);
            let noun = self.is_word(unit_at)
                && !self.ts[unit_at].cap()
                && !is_among(uw, n::NOT_COUNTED)
                && !uw.ends_with("ed");
            if hyph
                && noun
                && !compound
                && !self.w(start).starts_with('0')
                && !self.list_marker(start)
            {
                // "5,000-strong", "10-fold": a count with no noun.
                let adjective = is_among(uw, &["strong", "fold", "odd", "plus", "something"]);
                out.push(Figure {
                    counted: (!adjective).then(|| self.ts[unit_at].range()),
                    ..with(self.fig(FigureKind::Count, start, unit_at + 1))
                });
                i = unit_at + 1;
                continue;
            }
            let counted = self.counted(end, value);
            let prev = self.before(start, 1);
            if (num.year_like && (1000.0..=2100.0).contains(&value) || num.decade)
                && high.is_none()
                // "1709 children": a count, unless a year is asked for.
                && (!self.plural_noun(end) || is_among(prev, n::YEAR_WORDS))
                && !is_among(prev, n::IDENTIFIER_NOUNS)
            {
                let iso = format!("{:04}", value as u32);
                out.push(Figure {
                    date: Some(iso),
                    ..self.fig(FigureKind::Date, start, end)
                });
                i = end;
                continue;
            }
            // "aged 73": an age.
            if is_among(prev, &["aged", "age"]) && counted.is_none() {
                out.push(Figure {
                    unit: Some("year"),
                    ..with(self.fig(FigureKind::Quantity, start, end))
                });
                i = end;
                continue;
            }
            // Plain counts. Not figures: a lone "one" (a pronoun or
            // determiner), the number of a list item, an identifier, a
            // number that refers back ("the two countries"), and the tail of
            // a code ("STS-133").
            let lone_one = num.word && value == 1.0 && counted.is_none();
            // "a 1-0 win", "passed 52-48": a score, not two counts.
            let score = !num.word
                && high.is_none()
                && next == "-"
                && self.glued(end)
                && self.is_num(end + 1)
                && self.glued(end + 1);
            if score {
                i = end + 2;
                continue;
            }
            let part_of_code = !num.word
                && !negative
                && start > 0
                && !self.ts[start].gap()
                // "STS-133", "BA.2", "F/A-18".
                && (prev == "-"
                    || (matches!(prev, "." | "/" | "_") && !self.ts[start - 1].gap() && self.is_word(start - 2)));
            // "201 E. Nine Mile", "10 Downing Street": an address.
            let address = !num.word
                && (self.w(end).len() == 1
                    && self.ts.get(end).is_some_and(Tok::cap)
                    && self.w(end + 1) == "."
                    || self.ts.get(end).is_some_and(Tok::cap)
                        && [end + 1, end + 2]
                            .iter()
                            .any(|&k| is_among(self.w(k), n::STREET_WORDS)));
            // "Nine Mile", "Three Gorges": a number word in a name.
            let in_name = num.word && self.in_name(start, end) && counted.is_none();
            // "[1]": a citation; "• 2 Effects": a numbered contents entry;
            // "1.0 1.1 1.2", "7 8 9": a run of labels.
            let citation = prev == "[" && next == "]" && self.glued(start) && self.glued(end);
            let contents = !num.word
                && matches!(prev, "•" | "·" | "▪" | "◦" | "‣" | "*")
                && self
                    .ts
                    .get(end)
                    .is_some_and(|t| t.kind() == TokKind::Word && t.cap());
            let run = !num.word
                && ((start > 0 && self.is_num(start - 1) && self.ts[start].gap())
                    || (self.is_num(end) && self.ts[end].gap()));
            if lone_one
                || citation
                || contents
                || run
                || part_of_code
                || address
                || in_name
                || self.list_marker(start)
                || self.identifier(start, &num)
            {
                i = end;
                continue;
            }
            if self.anaphoric(start, &num) {
                if let Some(k) = counted {
                    anaphors.insert((value.to_bits(), self.w(k).to_lowercase()));
                }
                i = end;
                continue;
            }
            let e = counted.map_or(end, |k| k + 1);
            out.push(Figure {
                counted: counted.map(|k| self.ts[k].range()),
                ..with(self.fig(FigureKind::Count, start, e))
            });
            i = e;
        }
    }
}

/// The figures of a document, collected sentence by sentence.
#[derive(Default)]
pub struct Collector {
    figures: Vec<Figure>,
    /// Value and counted noun (lower case) of the numbers that refer back
    /// ("the two countries").
    anaphors: FxSet<(u64, String)>,
}

impl Collector {
    pub fn sentence(&mut self, p: &Prepared, sent: &Sent) {
        let ts = &p.toks[sent.toks()];
        let first = sent.toks().start;
        let begins = |i: usize| p.figure_word(first + i);
        Scan {
            text: p.text,
            ts,
            begins: &begins,
        }
        .scan(&mut self.figures, &mut self.anaphors);
    }

    /// The figures in text order. A count that repeats a reference back
    /// ("two countries" after "the two countries") is the same reference,
    /// not a new figure.
    pub fn finish(mut self, text: &str) -> Vec<Figure> {
        if !self.anaphors.is_empty() {
            self.figures.retain(|f| {
                let (Some(v), Some(noun)) = (f.value, &f.counted) else {
                    return true;
                };
                f.kind != FigureKind::Count
                    || !self
                        .anaphors
                        .contains(&(v.to_bits(), text[noun.clone()].to_lowercase()))
            });
        }
        self.figures.sort_by_key(|f| f.range.start);
        self.figures
    }
}
