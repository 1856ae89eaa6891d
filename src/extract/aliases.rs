//! Alias resolution over the whole document: one entity per real-world thing.
//! Mentions are grouped by surface (or by the gazetteer's canonical name, so
//! "U.S." joins "United States"); acronyms join their expansion (in brackets
//! or by initials); a lone family or given name joins the one full person name
//! that contains it, wherever that appears (headline before body included).

use super::FxMap as HashMap;

use super::candidates::Mention;
use super::classify::Evidence;
use super::gazetteer::{self as gz};
use super::union_find::UnionFind;
use super::{Entity, EntityKind};

struct Cluster {
    surfaces: Vec<String>,
    mentions: Vec<usize>,
    evidence: Evidence,
    canon: Option<&'static str>,
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&letters)
        && s.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

fn undotted(s: &str) -> String {
    s.chars().filter(|&c| c != '.').collect()
}

const SKIP_INITIAL: &[&str] = &["of", "the", "and", "for", "&", "de", "la", "du", "in", "on"];

fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !SKIP_INITIAL.contains(w) && !w.is_empty())
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

/// The most probable kind of a cluster (summed over its mentions), unless
/// "not an entity" is more probable.
fn kind_of(e: &Evidence) -> Option<EntityKind> {
    let best = e.person.max(e.org).max(e.place);
    if best <= e.none || best <= 0.0 {
        return None;
    }
    Some(if e.place == best {
        EntityKind::Place
    } else if e.org == best {
        EntityKind::Organization
    } else {
        EntityKind::Person
    })
}

/// "He gave Moses Zipporah his daughter": a two-word name seen once whose
/// words are each names used on their own elsewhere (at least twice) is two
/// adjacent names, not one person called "Moses Zipporah". So is one seen
/// more often but always before a possessive ("Sarai Abram's wife", "Michal
/// Saul's daughter": an apposition). Such mentions are split in place (the
/// second half is added at the end).
pub fn split_joined(text: &str, ms: &mut Vec<Mention>) {
    // Per key: how many mentions, the first of them, and whether every
    // mention is followed by a possessive.
    let mut count: HashMap<&str, (usize, usize)> = HashMap::default();
    let mut possessive: HashMap<&str, bool> = HashMap::default();
    for (i, m) in ms.iter().enumerate() {
        count.entry(m.key.as_str()).or_insert((0, i)).0 += 1;
        let after = &text[m.range.end..];
        let poss = after.starts_with("'s ") || after.starts_with("\u{2019}s ");
        *possessive.entry(m.key.as_str()).or_insert(true) &= poss;
    }
    let single = |w: &str| {
        !w.contains(' ') && w.chars().next().is_some_and(char::is_uppercase) && !is_acronym(w)
    };
    let seen = |w: &str| count.get(w).is_some_and(|c| c.0 >= 2);
    // (mention, its first name, its second name)
    let mut splits: Vec<(usize, Mention, Mention)> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let Some((a, b)) = m.key.split_once(' ') else {
            continue;
        };
        let once = count[m.key.as_str()].0 == 1 || possessive[m.key.as_str()];
        if !once || !single(a) || !single(b) || !seen(a) || !seen(b) {
            continue;
        }
        let span = &text[m.range.clone()];
        let (Some(at), true) = (span.rfind(b), span.ends_with(b)) else {
            continue;
        };
        let Some(a_at) = span[..at].rfind(a) else {
            continue;
        };
        let start = m.range.start;
        splits.push((
            i,
            m.narrowed(start..start + a_at + a.len(), &ms[count[a].1]),
            m.narrowed(start + at..m.range.end, &ms[count[b].1]),
        ));
    }
    for (i, a_part, b_part) in splits {
        ms[i] = a_part;
        ms.push(b_part);
    }
}

/// Words that say the name after them is a craft's: vehicles are not
/// people, organizations or places ("Space Shuttle Atlantis", "the shuttle
/// Atlantis", "USS Potomac").
const CRAFT: &[&str] = &[
    "shuttle",
    "spacecraft",
    "orbiter",
    "ship",
    "steamship",
    "airship",
    "submarine",
    "frigate",
    "destroyer",
    "battleship",
    "cruiser",
    "yacht",
    "schooner",
    "locomotive",
];
const CRAFT_PREFIXES: &[&str] = &["USS", "HMS", "RMS", "HMAS", "HMCS", "USNS"];

fn craft_word(w: &str) -> bool {
    CRAFT_PREFIXES.contains(&w) || CRAFT.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// The part of `key` after its leading craft words, if `key` names a craft:
/// "Space Shuttle Atlantis" is "Atlantis", "USS Potomac" is "Potomac". Not
/// a name that ends in an organization or place word ("USS Arizona
/// Memorial", "Manchester Ship Canal") or has a craft word inside only
/// ("New York Yacht Club").
fn craft_name<'a>(g: &gz::Gazetteer, key: &'a str) -> Option<&'a str> {
    let words: Vec<&str> = key.split(' ').collect();
    let lead = words
        .iter()
        .take_while(|&&w| craft_word(w) || w == "Space")
        .count();
    if lead == words.len() || !words[..lead].iter().any(|&w| craft_word(w)) {
        return None;
    }
    let last = words[words.len() - 1];
    if g.lookup(last).has(gz::ORG_SUFFIX | gz::PLACE_SUFFIX) {
        return None;
    }
    let offset: usize = words[..lead].iter().map(|w| w.len() + 1).sum();
    key.get(offset..)
}

/// Is the mention at `start` right after a small-letter craft word and an
/// article ("the shuttle Atlantis", "the space shuttle Atlantis", "a ship
/// Ariadne"; not "they ship Amazon")?
fn after_craft_word(text: &str, start: usize) -> bool {
    let mut before = text[..start]
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphanumeric());
    if !before
        .next()
        .is_some_and(|w| w.chars().all(char::is_lowercase) && craft_word(w))
    {
        return false;
    }
    let mut w = before.next();
    if w == Some("space") {
        w = before.next();
    }
    w.is_some_and(|w| matches!(w, "the" | "The" | "a" | "A" | "an" | "An"))
}

/// Names of craft, and their short forms elsewhere in the text ("Space
/// Shuttle Discovery ... Discovery has been retired"), are no entities. A
/// short form that a list knows as a country, region or big city ("USS
/// Arizona ... a veteran from Arizona"), or that is a person's full name
/// ("USS John McCain"), keeps its own evidence.
pub fn drop_craft(text: &str, ms: &mut [Mention]) {
    let g = gz::get();
    let mut names: Vec<String> = Vec::new();
    let mut craft = vec![false; ms.len()];
    for (i, m) in ms.iter().enumerate() {
        let rest = match craft_name(g, &m.key) {
            Some(rest) => rest,
            None if after_craft_word(text, m.range.start) => m.key.as_str(),
            None => continue,
        };
        craft[i] = true;
        if !rest.is_empty() && !names.iter().any(|n| n == rest) {
            names.push(rest.to_string());
        }
    }
    if names.is_empty() {
        return;
    }
    let kept = |m: &Mention| {
        let person = m.key.contains(' ')
            && m.key
                .split(' ')
                .next()
                .is_some_and(|w| g.lookup(w).has(gz::GIVEN));
        person
            || m.hit
                .has(gz::COUNTRY | gz::REGION | gz::PLACE_WELL_KNOWN | gz::MAJOR_CITY)
    };
    for (m, craft) in ms.iter_mut().zip(craft) {
        if craft || (names.contains(&m.key) && !kept(m)) {
            m.evidence = Evidence {
                none: 1.0,
                ..Evidence::default()
            };
        }
    }
}

// Cluster ids index `clusters` and `sets` alike.
#[allow(clippy::needless_range_loop)]
pub fn resolve(text: &str, ms: &[Mention]) -> Vec<Entity> {
    let g = gz::get();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of_mention = vec![0usize; ms.len()];
    // An acronym the text defines ("Australian Labor Party (ALP)") means
    // what the text says, whatever the gazetteer's alternate names say.
    let defined: super::FxSet<&str> = ms
        .iter()
        .filter(|m| m.expands.is_some())
        .map(|m| m.key.as_str())
        .collect();
    for (i, m) in ms.iter().enumerate() {
        let hit = m.hit;
        let canon = hit
            .canon
            .filter(|_| hit.has(gz::PLACE | gz::ORG) && !defined.contains(m.key.as_str()));
        let key: std::borrow::Cow<str> = match canon {
            Some(c) => c.into(),
            None if is_acronym(&m.key) => undotted(&m.key).into(),
            None => m.key.as_str().into(),
        };
        // Most mentions repeat a known key: look up before allocating one.
        let id = match by_key.get(key.as_ref()) {
            Some(&id) => id,
            None => {
                clusters.push(Cluster {
                    surfaces: Vec::new(),
                    mentions: Vec::new(),
                    evidence: Evidence::default(),
                    canon,
                });
                by_key.insert(key.into_owned(), clusters.len() - 1);
                clusters.len() - 1
            }
        };
        let c = &mut clusters[id];
        if !c.surfaces.contains(&m.key) {
            c.surfaces.push(m.key.clone());
        }
        c.mentions.push(i);
        c.evidence += m.evidence;
        of_mention[i] = id;
    }
    let n = clusters.len();
    let mut sets = UnionFind::new(n);

    // Acronyms: bracket links first, then unique initials.
    for (i, m) in ms.iter().enumerate() {
        if let Some(x) = m.expands {
            sets.union(of_mention[i], of_mention[x]);
        }
    }
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    for (id, c) in clusters.iter().enumerate() {
        let name = c.canon.unwrap_or(&c.surfaces[0]);
        if name.contains(' ') {
            by_initials.entry(initials(name)).or_default().push(id);
        }
    }
    for id in 0..n {
        let s = &clusters[id].surfaces[0];
        if clusters[id].canon.is_some() || !is_acronym(s) {
            continue;
        }
        if let Some(t) = by_initials.get(&undotted(s)).filter(|t| t.len() == 1) {
            sets.union(id, t[0]);
        }
    }

    // "New York" and "New York City", "Madame Tussauds" and "Madame Tussauds Museum".
    let by_name: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .map(|(id, c)| (c.canon.unwrap_or(&c.surfaces[0]), id))
        .collect::<HashMap<_, _>>();
    for id in 0..n {
        let name = clusters[id].canon.unwrap_or(&clusters[id].surfaces[0]);
        let Some((head, last)) = name.rsplit_once(' ') else {
            continue;
        };
        let Some(&t) = by_name.get(head) else {
            continue;
        };
        let lf = g.lookup(last);
        let th = g.lookup(head);
        let same = last == "City" && !th.has(gz::COUNTRY)
            || (lf.has(gz::PLACE_SUFFIX)
                && !th.has(gz::PLACE | gz::ORG)
                && kind_of(&clusters[id].evidence) == Some(EntityKind::Place));
        if same {
            sets.union(t, id);
        }
    }

    // "General Assembly" and "General Assembly of the United Nations",
    // "Levico" and "Levico Terme": a place or organization name that begins a
    // longer one (unless it is a known name in its own right: "Boston" is not
    // "Boston University").
    let mut prefix_of: HashMap<usize, Vec<usize>> = HashMap::default();
    for (b, c) in clusters.iter().enumerate() {
        if kind_of(&c.evidence).is_none_or(|k| k == EntityKind::Person) {
            continue;
        }
        let name = c.canon.unwrap_or(&c.surfaces[0]);
        for (i, _) in name.match_indices(' ') {
            // Only "X of ..." or a one-word X: "Kennedy Space Center Visitor
            // Complex" is another place than "Kennedy Space Center".
            if !name[i..].starts_with(" of ") && name[..i].contains(' ') {
                continue;
            }
            if let Some(&a) = by_name.get(&name[..i]) {
                prefix_of.entry(a).or_default().push(b);
            }
        }
    }
    for (a, bs) in prefix_of {
        let c = &clusters[a];
        let name = c.canon.unwrap_or(&c.surfaces[0]);
        let known = c.canon.is_some() || g.lookup(name).has(gz::PLACE | gz::ORG);
        if bs.len() == 1
            && !known
            && kind_of(&c.evidence).is_none_or(|k| k != EntityKind::Person)
            && a != bs[0]
        {
            sets.union(a, bs[0]);
        }
    }

    // Short person names into the full name that contains them.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for (id, c) in clusters.iter().enumerate() {
        if c.canon.is_some() || kind_of(&c.evidence) != Some(EntityKind::Person) {
            continue;
        }
        let ws = words(&c.surfaces[0]);
        if ws.len() > 1 {
            for w in [ws[0], ws[ws.len() - 1]] {
                by_word.entry(w).or_default().push(id);
            }
        }
    }
    // "Otto Jespersen" inside "Jens Otto Harry Jespersen", "Higuchi Ichiyō"
    // and "Ichiyō Higuchi": a person name whose words all occur, with the
    // same last word or in reverse order, in a longer person name.
    let persons: Vec<usize> = (0..n)
        .filter(|&id| {
            clusters[id].canon.is_none()
                && kind_of(&clusters[id].evidence) == Some(EntityKind::Person)
        })
        .filter(|&id| clusters[id].surfaces[0].contains(' '))
        .collect();
    // Candidates share the last word (or, reversed, have the first word as
    // their last), so each name is compared with those only: the first in
    // document order that matches wins.
    let pw: Vec<Vec<&str>> = persons
        .iter()
        .map(|&id| words(&clusters[id].surfaces[0]))
        .collect();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, ws) in pw.iter().enumerate() {
        by_last.entry(ws[ws.len() - 1]).or_default().push(i);
    }
    // A last word shared by thousands of names says nothing and would make
    // this quadratic: such groups are left alone.
    const MAX_GROUP: usize = 1000;
    let none: Vec<usize> = Vec::new();
    let group = |w: &str| {
        by_last
            .get(w)
            .filter(|g| g.len() <= MAX_GROUP)
            .unwrap_or(&none)
    };
    for (ia, wa) in pw.iter().enumerate() {
        let a = persons[ia];
        let same = group(wa[wa.len() - 1]);
        let rev = if wa.len() == 2 { group(wa[0]) } else { &none };
        let found = same
            .iter()
            .chain(rev.iter())
            .copied()
            .filter(|&ib| {
                let (b, wb) = (persons[ib], &pw[ib]);
                if a == b || wb.len() < wa.len() || (wb.len() == wa.len() && b < a) {
                    return false;
                }
                let subset = wa.iter().all(|w| wb.contains(w));
                let same_last = wa[wa.len() - 1] == wb[wb.len() - 1];
                let reversed = wa.len() == 2 && wb.len() == 2 && wa[0] == wb[1] && wa[1] == wb[0];
                subset && (same_last || reversed)
            })
            .min();
        if let Some(ib) = found {
            sets.union(a, persons[ib]);
        }
    }
    // "Matthew William Goode" and "Matthew Goode": same first and last word.
    let mut by_ends: HashMap<(&str, &str), usize> = HashMap::default();
    for id in 0..n {
        let c = &clusters[id];
        if c.canon.is_some() || kind_of(&c.evidence) != Some(EntityKind::Person) {
            continue;
        }
        let ws = words(&c.surfaces[0]);
        if ws.len() < 2 {
            continue;
        }
        let key = (ws[0], ws[ws.len() - 1]);
        match by_ends.get(&key) {
            Some(&t) => {
                sets.union(id, t);
            }
            None => {
                by_ends.insert(key, id);
            }
        }
    }
    for id in 0..n {
        let c = &clusters[id];
        let ws = words(&c.surfaces[0]);
        let hit = g.lookup(ws[0]);
        let named = hit.has(gz::GIVEN | gz::SURNAME)
            && !hit.has(gz::COUNTRY | gz::REGION | gz::PLACE_WELL_KNOWN | gz::ORG);
        let total = c.evidence.total().max(f32::MIN_POSITIVE);
        let strong_other = (c.evidence.place.max(c.evidence.org)) / total >= 0.6;
        if ws.len() != 1 || (strong_other && c.evidence.person / total < 0.2 && !named) {
            continue;
        }
        if let Some(ts) = by_word.get(ws[0]) {
            let best = ts
                .iter()
                .copied()
                .filter(|&t| t != id)
                .max_by_key(|&t| (clusters[t].mentions.len(), usize::MAX - t));
            if let Some(t) = best {
                sets.union(id, t);
            }
        }
    }

    // Gather, in order of each group's first cluster: entities whose first
    // mentions tie keep an order that no hasher decides.
    let mut out = Vec::new();
    for ids in sets.groups() {
        let mut ev = Evidence::default();
        let mut mentions: Vec<std::ops::Range<usize>> = Vec::new();
        let mut surfaces: Vec<&str> = Vec::new();
        let mut canon = None;
        // An acronym tied to a name the text spells out takes that name's
        // kind: "many KSC employees" says less about "Kennedy Space Center
        // (KSC)" than the name does. Whether the group is an entity at all
        // stays the sum of every mention's say.
        let acronym = |c: &Cluster| c.surfaces.iter().all(|s| is_acronym(s));
        let mut spelled_ev = Evidence::default();
        for id in ids {
            let c = &clusters[id];
            ev += c.evidence;
            if !acronym(c) {
                spelled_ev += c.evidence;
            }
            canon = canon.or(c.canon);
            mentions.extend(c.mentions.iter().map(|&i| ms[i].range.clone()));
            surfaces.extend(c.surfaces.iter().map(String::as_str));
        }
        let Some(any_kind) = kind_of(&ev) else {
            continue;
        };
        let kind = kind_of(&Evidence {
            none: 0.0,
            ..spelled_ev
        })
        .unwrap_or(any_kind);
        mentions.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        mentions.retain(|r| {
            let keep = r.start >= last_end;
            if keep {
                last_end = r.end;
            }
            keep
        });
        let name = canon.map(str::to_string).unwrap_or_else(|| {
            surfaces
                .iter()
                .max_by_key(|s| (!is_acronym(s), s.split(' ').count(), s.len()))
                .map(|s| s.to_string())
                .unwrap_or_default()
        });
        let mut seen: super::FxSet<&str> = Default::default();
        let mut aliases: Vec<String> = Vec::new();
        for r in &mentions {
            let s = &text[r.clone()];
            if s != name && seen.insert(s) {
                aliases.push(s.to_string());
            }
        }
        out.push(Entity {
            kind,
            name,
            aliases,
            mentions,
        });
    }
    out.sort_by_key(|e| e.mentions.first().map(|r| r.start).unwrap_or(0));
    out
}
