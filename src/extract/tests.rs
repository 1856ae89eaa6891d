use proptest::prelude::*;

use super::*;
use crate::document::load_plain;

fn run(s: &str) -> (Document, Facts) {
    let d = load_plain(s);
    let f = extract(&d);
    (d, f)
}

fn entity<'a>(d: &Document, f: &'a Facts, mention: &str) -> &'a Entity {
    f.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| &d.text[m.clone()] == mention))
        .unwrap_or_else(|| panic!("no entity with mention {mention:?}: {:?}", names(f)))
}

fn names(f: &Facts) -> Vec<(&str, EntityKind)> {
    f.entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect()
}

fn figure<'a>(d: &Document, f: &'a Facts, text: &str) -> &'a Figure {
    f.figures
        .iter()
        .find(|x| &d.text[x.range.clone()] == text)
        .unwrap_or_else(|| {
            panic!(
                "no figure {text:?}: {:?}",
                f.figures
                    .iter()
                    .map(|x| &d.text[x.range.clone()])
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn person_aliases_merge_into_the_fullest_name() {
    let (d, f) = run(
        "Putin Visits China\n\nVladimir Putin arrived on Monday. President Putin met President Xi Jinping. \
         Putin's hosts were warm, and Xi said the talks went well.\n",
    );
    let putin = entity(&d, &f, "Vladimir Putin");
    assert_eq!(putin.kind, EntityKind::Person);
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(
        putin.mentions.len(),
        4,
        "headline, full name, title, possessive"
    );
    let xi = entity(&d, &f, "Xi");
    assert_eq!(xi.name, "Xi Jinping");
    assert_eq!(xi.mentions.len(), 2);
    assert_eq!(
        f.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count(),
        2
    );
}

#[test]
fn acronyms_and_country_forms_join() {
    let (d, f) = run(
        "Trade with the European Union grew. The EU said so. The United States, the US and the U.S. \
         are one country. It joined the Shanghai Cooperation Organization (SCO) and the SCO met.\n",
    );
    let eu = entity(&d, &f, "EU");
    assert_eq!(eu.name, "European Union");
    assert_eq!(eu.kind, EntityKind::Organization);
    let us = entity(&d, &f, "U.S.");
    assert_eq!(us.name, "United States");
    assert_eq!(us.mentions.len(), 3);
    let sco = entity(&d, &f, "SCO");
    assert_eq!(sco.name, "Shanghai Cooperation Organization");
    assert_eq!(sco.mentions.len(), 3);
}

#[test]
fn demonyms_months_and_function_words_are_not_entities() {
    let (_, f) = run(
        "However, the Russian president spoke in March. The Chinese leader agreed on Tuesday. \
         It was cold. They met Russian officials in Moscow.\n",
    );
    assert_eq!(names(&f), [("Moscow", EntityKind::Place)]);
}

#[test]
fn organization_suffixes_and_places() {
    let (d, f) = run(
        "The Financial Times reported that the Ministry of Defence and Acme Inc. met in Tiananmen Square. \
         She studied at the University of Portsmouth and lives near Kharkiv.\n",
    );
    assert_eq!(
        entity(&d, &f, "Financial Times").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&d, &f, "Ministry of Defence").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&d, &f, "University of Portsmouth").kind,
        EntityKind::Organization
    );
    assert_eq!(entity(&d, &f, "Tiananmen Square").kind, EntityKind::Place);
    assert_eq!(entity(&d, &f, "Kharkiv").kind, EntityKind::Place);
}

#[test]
fn figures_are_parsed() {
    let (d, f) = run(
        "Nearly 20% of oil, a 43rd meeting and a two-day trip. The border is over 4,000 kilometers long \
         and the deal is worth AU$2.1 billion, or $3.5 billion. Since March 2023 and on Friday, March 3, 2006, \
         Russia's economy is one-tenth of China's. Polls closed at 22:30 after four hours; 2 million voters, \
         five thousand votes.\n",
    );
    let p = figure(&d, &f, "20%");
    assert_eq!((p.kind, p.value), (FigureKind::Percent, Some(0.2)));
    assert_eq!(figure(&d, &f, "43rd").kind, FigureKind::Ordinal);
    let t = figure(&d, &f, "two-day");
    assert_eq!(
        (t.kind, t.value, t.unit),
        (FigureKind::Quantity, Some(2.0), Some("day"))
    );
    let k = figure(&d, &f, "4,000 kilometers");
    assert_eq!(
        (k.kind, k.value, k.unit),
        (FigureKind::Quantity, Some(4000.0), Some("km"))
    );
    let m = figure(&d, &f, "AU$2.1 billion");
    assert_eq!((m.kind, m.unit), (FigureKind::Money, Some("AUD")));
    assert!((m.value.unwrap_or(0.0) - 2.1e9).abs() < 1.0);
    assert_eq!(figure(&d, &f, "$3.5 billion").value, Some(3.5e9));
    assert_eq!(
        figure(&d, &f, "March 2023").date.as_deref(),
        Some("2023-03")
    );
    assert_eq!(
        figure(&d, &f, "Friday, March 3, 2006").date.as_deref(),
        Some("2006-03-03")
    );
    let tenth = figure(&d, &f, "one-tenth");
    assert!((tenth.value.unwrap_or(0.0) - 0.1).abs() < 1e-9);
    assert_eq!(figure(&d, &f, "22:30").date.as_deref(), Some("22:30"));
    let hours = figure(&d, &f, "four hours");
    assert_eq!(
        (hours.kind, hours.unit),
        (FigureKind::Quantity, Some("hour"))
    );
    assert_eq!(figure(&d, &f, "2 million voters").value, Some(2e6));
    assert_eq!(figure(&d, &f, "five thousand votes").value, Some(5000.0));
    let s = &figure(&d, &f, "20%").sentence;
    assert!(d.text[s.clone()].starts_with("Nearly 20%") && d.text[s.clone()].ends_with("trip."));
}

#[test]
fn packed_words_are_distinct_exhaustively() {
    // Every word of 1 to 7 letters over {a, b}: 254 words, 254 keys.
    let words: Vec<String> = (1..=7)
        .flat_map(|n| {
            (0..1u32 << n).map(move |bits| {
                (0..n)
                    .map(|i| if bits >> i & 1 == 1 { 'b' } else { 'a' })
                    .collect()
            })
        })
        .collect();
    let keys: std::collections::HashSet<u64> = words
        .iter()
        .filter_map(|w| super::pack(w.as_bytes()))
        .collect();
    assert_eq!(keys.len(), words.len());
}

#[test]
fn pronoun_and_vocative_letters_are_not_initials() {
    let (_, f) = run(
        "O Jerusalem, thou that killest the prophets. Then Paul said, I Jesus have sent mine angel. Jerusalem rejoiced and Jesus wept.\n",
    );
    let n: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(n.contains(&"Jerusalem") && n.contains(&"Jesus"), "{n:?}");
    assert!(
        !n.iter().any(|x| x.starts_with("O ") || x.starts_with("I ")),
        "{n:?}"
    );
}

#[test]
fn verse_references_are_not_counts() {
    let (d, f) = run(
        "Ge1:1 In the beginning God created the heaven.\nPs23:4 Though I walk through the valley, two of them.\n2Sm1:19 The beauty.\n",
    );
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(texts, ["two"]);
}

#[test]
fn sentence_initial_and_title_case_capitals() {
    let (_, f) = run(
        "Red Carpet From China For Putin\n\nToday the weather was fine. Officially, nobody came. Putin did.\n",
    );
    let n = names(&f);
    assert!(n.contains(&("China", EntityKind::Place)), "{n:?}");
    assert!(
        !n.iter()
            .any(|(x, _)| ["Red", "Carpet", "Today", "Officially", "For", "From"].contains(x)),
        "{n:?}"
    );
}

fn check_invariants(d: &Document, f: &Facts) {
    let t = &d.text;
    let mut prev_first = 0;
    for e in &f.entities {
        assert!(!e.mentions.is_empty());
        assert!(e.mentions[0].start >= prev_first);
        prev_first = e.mentions[0].start;
        for w in e.mentions.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {e:?}");
        }
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= t.len());
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
    }
    let mut all: Vec<_> = f
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().cloned())
        .collect();
    all.sort_by_key(|r| r.start);
    for w in all.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "mentions of two entities overlap: {w:?}"
        );
    }
    for w in f.figures.windows(2) {
        assert!(w[0].range.start <= w[1].range.start);
        assert!(w[0].range.end <= w[1].range.start, "figures overlap: {w:?}");
    }
    for x in &f.figures {
        for r in [&x.range, &x.sentence] {
            assert!(r.start < r.end && r.end <= t.len());
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
        assert!(x.sentence.start <= x.range.start && x.range.end <= x.sentence.end);
    }
}

#[test]
fn adversarial_inputs_do_not_panic() {
    let caps = "THE PRESIDENT OF THE UNITED STATES MET NATO LEADERS IN BRUSSELS ON 3 MARCH 2020. "
        .repeat(2000);
    let nopunct = "and then the man walked and walked and Smith said nothing ".repeat(5000);
    let one_line = "Word Another Capital Thing 12 3.4 5,000 $ % - ( ) ".repeat(100_000);
    let numbers =
        "1 22 333 4,444 55.5 6% $7 8th 9:99 10-11 1.2.3 ,,, 99999999999999999999999 ".repeat(3000);
    let mixed =
        "Москва и Putin 北京 Xi Jinping مرحبا Ελλάδα 東京 café Zoë Straße ÉCOLE ﷽ 🇺🇳 e\u{301} "
            .repeat(2000);
    let capitals =
        "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu ".repeat(20000);
    let odd = "(SCO) ( ) AU$ $ $$ %% -- - . . . U.S. Mr. Dr. St. F. - -Smith Smith- 'S ’s \u{2019}"
        .repeat(3000);
    for s in [caps, nopunct, one_line, numbers, mixed, capitals, odd] {
        let (d, f) = run(&s);
        check_invariants(&d, &f);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Short words interned as integers: two words share a key only when equal.
    #[test]
    fn packed_words_are_distinct(a in "[a-cA\u{e9}]{1,8}", b in "[a-cA\u{e9}]{1,8}") {
        let (pa, pb) = (super::pack(a.as_bytes()), super::pack(b.as_bytes()));
        prop_assert_eq!(pa.is_some(), a.len() <= 7);
        if pa.is_some() && pb.is_some() {
            prop_assert_eq!(pa == pb, a == b);
        }
    }

    #[test]
    fn ranges_are_valid(s in "[A-Za-z0-9 .,%$()'’\\-:\n é北Ü]{0,400}") {
        let (d, f) = run(&s);
        check_invariants(&d, &f);
    }

    #[test]
    fn ranges_are_valid_on_wordy_text(words in prop::collection::vec(prop::sample::select(vec![
        "The", "the", "U.S.", "Mr.", "Putin", "Xi", "Jinping", "of", "and", "Ministry", "Party", "in",
        "said", "(EU)", "European", "Union", "20%", "$3", "billion", "March", "2023", "two-day", "43rd",
        "Russian", ".", ",", "\n\n", "New", "York", "City", "St.", "Louis", "F.", "-", "one-tenth",
    ]), 0..120)) {
        let s = words.join(" ");
        let (d, f) = run(&s);
        check_invariants(&d, &f);
    }
}

/// `cargo test --release -- --ignored --nocapture throughput`: a quick MB/s
/// figure without criterion (the bench in benches/extract.rs is the reference).
#[test]
#[ignore]
fn throughput() {
    let path = std::env::var("FACTLENS_BIG").unwrap_or_else(|_| "/tmp/big4.txt".into());
    let text = std::fs::read_to_string(path).expect("big text");
    let d = load_plain(&text);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let f = extract(&d);
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(f);
    }
    eprintln!(
        "{:.1} MB/s ({:.0} ms for {} bytes)",
        d.text.len() as f64 / best / 1e6,
        best * 1e3,
        d.text.len()
    );
}

/// `cargo test --release -- --ignored --nocapture startup`: what the embedded
/// gazetteer costs before the first look-up (nothing is built at start-up).
#[test]
#[ignore]
fn startup() {
    let t = std::time::Instant::now();
    let g = gazetteer::get();
    let hit = g.lookup("Beijing");
    let first = t.elapsed();
    assert!(hit.has(gazetteer::CITY));
    eprintln!(
        "gazetteer: {} keys, first look-up after {:?}",
        g.len(),
        first
    );
}

#[test]
fn a_sentence_full_of_names_is_not_title_case() {
    // Four capitalized long words and one short lower-case verb: running
    // text, so the names are read as names, not as a headline's capitals.
    let doc = crate::document::load_plain(
        "A Long Title\n\nVladimir Putin met President Xi Jinping in Beijing on 16 May 2024.\n",
    );
    let facts = super::extract(&doc);
    let names: Vec<(&str, super::EntityKind)> = facts
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(
        names.contains(&("Vladimir Putin", super::EntityKind::Person)),
        "{names:?}"
    );
    assert!(
        names.contains(&("Xi Jinping", super::EntityKind::Person)),
        "{names:?}"
    );
}

#[test]
fn contractions_are_not_names() {
    let (_, f) = run("Notes\n\nI'm sure, said Anna Berg. You'd think It'll rain in Oslo.\n");
    let n = names(&f);
    assert!(!n.iter().any(|(name, _)| name.contains('\'')), "{n:?}");
    assert!(n.contains(&("Anna Berg", EntityKind::Person)), "{n:?}");
}

#[test]
fn codes_and_personal_names_are_not_alternate_city_names() {
    let g = gazetteer::get();
    // Airport codes and personal names were alternate names of cities
    // ("ALP" Aleppo, "SHA" Shanghai, "Judah" Jeddah, "Cheng" Zhengzhou).
    for w in ["ALP", "SHA", "Judah", "Cheng"] {
        assert_eq!(g.lookup(w).canon, None, "{w}");
    }
    assert_eq!(g.lookup("Kiev").canon, Some("Kyiv"));
}

#[test]
fn explain_shows_scores_and_features_of_a_name() {
    let d = crate::document::load_plain(
        "Talks\n\nPresident Vladimir Putin arrived in Beijing. Putin said the talks went well.\n",
    );
    let rows = super::explain(&d, "Putin");
    let full = rows
        .iter()
        .find(|r| r.candidate == "Vladimir Putin")
        .expect("the full name is explained with its alias");
    assert_eq!(
        full.entity,
        Some((EntityKind::Person, "Vladimir Putin".to_string()))
    );
    let p = full.probabilities;
    assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4, "{p:?}");
    assert!(p[super::model::PERSON] > p[super::model::NONE], "{p:?}");
    assert!(full.features.iter().any(|(n, _, _)| n == "prev=president"));
    assert!(super::explain(&d, "Nobody").is_empty());
}

#[test]
fn two_names_side_by_side_are_not_one_person() {
    let (_, f) = run(
        "Exodus\n\nMoses was content. And he gave Moses Zipporah his daughter. \
         Then Zipporah took a stone, and Moses saw it. Zipporah said so.\n",
    );
    let n = names(&f);
    assert!(
        !n.iter().any(|(name, _)| *name == "Moses Zipporah"),
        "{n:?}"
    );
    assert!(n.iter().any(|(name, _)| *name == "Moses"), "{n:?}");
    assert!(n.iter().any(|(name, _)| *name == "Zipporah"), "{n:?}");
}

#[test]
fn a_name_in_apposition_before_a_possessive_is_two_people() {
    let (_, f) = run(
        "Genesis\n\nNow Sarai Abram's wife bare him no children. Abram went up. \
         And Sarai Abram's wife took Hagar. Sarai said so, and Abram listened to Sarai.\n\n\
         Bill Gates's foundation gave money. Gates said so. Gates was glad.\n",
    );
    let n = names(&f);
    assert!(!n.iter().any(|(name, _)| *name == "Sarai Abram"), "{n:?}");
    assert!(n.iter().any(|(name, _)| *name == "Sarai"), "{n:?}");
    assert!(n.iter().any(|(name, _)| *name == "Abram"), "{n:?}");
    // One part used alone is not enough: "Bill Gates" stays one person.
    assert!(n.iter().any(|(name, _)| *name == "Bill Gates"), "{n:?}");
}

#[test]
fn a_capital_after_a_verse_label_or_said_is_not_part_of_a_name() {
    let (_, f) = run(
        "Numbers\n\nNum17:8 And Aaron went in, and Moses saw it.\n\n\
         Num17:9 Bring them out, said Moses; and they did bring them.\n\n\
         Num17:10 And the LORD said unto Moses, Bring Aaron's rod again before the testimony.\n\n\
         Num17:11 And Moses did so, and Aaron was glad.\n",
    );
    let n = names(&f);
    assert!(
        !n.iter().any(|(name, _)| name.starts_with("Bring")),
        "{n:?}"
    );
    assert!(n.iter().any(|(name, _)| *name == "Aaron"), "{n:?}");
}

#[test]
fn and_inside_an_organizations_of_phrase_stays_in_the_name() {
    let d = load_plain(
        "T\n\nShe studied at the Faculty of Diplomatic Sciences and International Relations in Genoa.\n",
    );
    let rows = super::explain(
        &d,
        "Faculty of Diplomatic Sciences and International Relations",
    );
    assert_eq!(rows.len(), 1, "one candidate spans the whole name");
    let d = load_plain("T\n\nThe Ministry of Defence and France signed it.\n");
    let f = extract(&d);
    let n = names(&f);
    assert!(n.contains(&("France", EntityKind::Place)), "{n:?}");
}

#[test]
fn name_boundaries_keep_connectors_and_separate_adjacent_names() {
    let d = load_plain(
        "T\n\nSecretary of State Condoleezza Rice agreed. The Refugee Council Enver Solomon \
         said the Joint Council for the Welfare of Immigrants was right. The University of \
         NSW agreed. He spoke at the Woodrow Wilson Center near San Francisco Bay.\n",
    );
    let candidates = |n: &str| !super::explain(&d, n).is_empty();
    for whole in [
        "Condoleezza Rice",
        "Refugee Council",
        "Enver Solomon",
        "Joint Council for the Welfare of Immigrants",
        "University of NSW",
        "Woodrow Wilson Center",
        "San Francisco Bay",
    ] {
        assert!(candidates(whole), "{whole} is a candidate");
    }
    for wrong in [
        "State Condoleezza Rice",
        "Refugee Council Enver Solomon",
        "University of",
        "Wilson Center",
        "Francisco Bay",
    ] {
        assert!(!candidates(wrong), "{wrong} is not a candidate");
    }
}

#[test]
fn names_in_page_chrome_count_but_its_figures_do_not() {
    let d = load_plain(
        "Oil Deal\n\nMoscow sold oil to Beijing.\n\n\
         To view content related to Saudi Arabia and Mohammed bin Salman in 2024, click on the link below:\n",
    );
    assert!(
        d.blocks
            .iter()
            .any(|b| b.kind == crate::document::BlockKind::Chrome),
        "the link line is chrome"
    );
    let f = extract(&d);
    let n = names(&f);
    assert!(
        n.contains(&("Mohammed bin Salman", EntityKind::Person)),
        "{n:?}"
    );
    assert!(f.figures.is_empty(), "{:?}", f.figures);
}

#[test]
fn a_name_in_the_byline_is_an_entity() {
    let (_, f) = run(
        "Storm Hits the Coast\n\nBy Zorbek Quintavalle\n\nThe storm reached the coast on Monday, officials said.\n",
    );
    assert_eq!(
        names(&f),
        [("Zorbek Quintavalle", EntityKind::Person)],
        "an unknown name, but the byline says it is one"
    );
}

#[test]
fn an_acronym_the_text_defines_is_not_the_gazetteers() {
    let (d, f) = run(
        "T\n\nThe Ulster Kickboxers (UK) won on Sunday in Belfast. UK coaches said the Ulster Kickboxers will return.\n",
    );
    let uk = entity(&d, &f, "UK");
    assert_eq!(uk.name, "Ulster Kickboxers");
    assert!(!f.entities.iter().any(|e| e.name == "United Kingdom"));
}

#[test]
fn a_block_longer_than_the_limit_is_analyzed_up_to_it() {
    // One paragraph with no line break, far past the limit: its start has
    // facts (it used to give none), cut at a space, never inside a
    // character.
    let sentence = "Vladimir Putin met Xi Jinping in Beijing, and 20% of trade grew. 漢字 ";
    let text = format!("A Title\n\n{}", sentence.repeat(400));
    let doc = crate::document::load_plain(&text);
    let limit = 10_001; // lands inside a word (and maybe a character)
    assert!(doc.blocks.last().unwrap().range.end > limit);
    let facts = crate::extract::extract_within(&doc, limit);
    let names: Vec<&str> = facts.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Vladimir Putin"), "{names:?}");
    assert!(!facts.figures.is_empty());
    let last = facts
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .chain(facts.figures.iter().map(|f| &f.range))
        .map(|r| r.end)
        .max()
        .unwrap();
    assert!(last <= limit, "{last}");
    for cut in [9_990, 9_995, 10_000, 10_003] {
        crate::extract::extract_within(&doc, cut);
    }
}

fn figure_texts(s: &str) -> Vec<(String, FigureKind)> {
    let (d, f) = run(s);
    f.figures
        .iter()
        .map(|x| (d.text[x.range.clone()].to_string(), x.kind))
        .collect()
}

#[test]
fn counts_take_the_noun_they_count() {
    let (d, f) = run(
        "The plane carried 162 passengers and seven crew, among them one Malaysian. India has \
         22 nuclear reactors in 5 states; 2 million voters cast 84,121 votes.\n",
    );
    for (text, noun) in [
        ("162 passengers", "passengers"),
        ("seven crew", "crew"),
        ("one Malaysian", "Malaysian"),
        ("22 nuclear reactors", "reactors"),
        ("5 states", "states"),
        ("2 million voters", "voters"),
        ("84,121 votes", "votes"),
    ] {
        let fig = figure(&d, &f, text);
        assert_eq!(fig.kind, FigureKind::Count, "{text}");
        assert_eq!(
            fig.counted.clone().map(|r| &d.text[r]),
            Some(noun),
            "{text}"
        );
    }
}

#[test]
fn references_back_and_identifiers_are_not_figures() {
    let texts = figure_texts(
        "The two countries met. The other two left, and one of them stayed. Flight 8501 and Air \
         France Flight 447 crashed; the No. 5 bus and model 3 were late. Vostok 1 flew. Call \
         944-6800 or 4588304520.\n",
    );
    assert!(texts.is_empty(), "{texts:?}");
    // Once "the two countries" refers back, "two countries" is that pair.
    let texts = figure_texts("The two countries met. The bond between two countries held.\n");
    assert!(texts.is_empty(), "{texts:?}");
    let texts = figure_texts("Two countries signed. Five firms bid.\n");
    let (d, f) = run("A two-country solution and a 12-member panel.\n");
    let two = figure(&d, &f, "two-country");
    assert_eq!(two.counted.clone().map(|r| &d.text[r]), Some("country"));
    assert_eq!(figure(&d, &f, "12-member").kind, FigureKind::Count);
    assert_eq!(
        texts,
        [
            ("Two countries".to_string(), FigureKind::Count),
            ("Five firms".to_string(), FigureKind::Count)
        ]
    );
}

#[test]
fn list_numbers_and_discourse_ordinals_are_not_figures() {
    let texts =
        figure_texts("First, we go.\n\n1. Milk\n2. Bread\n3) Eggs\n\nSecond, we stay at first.\n");
    assert!(texts.is_empty(), "{texts:?}");
    // A rank is still an ordinal.
    let texts = figure_texts("It was the first trip and the 43rd meeting.\n");
    assert_eq!(
        texts,
        [
            ("first".to_string(), FigureKind::Ordinal),
            ("43rd".to_string(), FigureKind::Ordinal)
        ]
    );
}

#[test]
fn ranges_are_one_figure() {
    let (d, f) = run("It takes 8 – 10 years, or 3-5 years, and costs 3-5% or $3-5 million.\n");
    for (text, lo, hi) in [
        ("8 – 10 years", 8.0, 10.0),
        ("3-5 years", 3.0, 5.0),
        ("3-5%", 0.03, 0.05),
        ("$3-5 million", 3e6, 5e6),
    ] {
        let fig = figure(&d, &f, text);
        assert_eq!((fig.value, fig.high), (Some(lo), Some(hi)), "{text}");
    }
    assert_eq!(f.figures.len(), 4);
    // A span of years stays two dates.
    let texts = figure_texts("Between 2022 and 2023, and in 2010-2015.\n");
    assert!(
        texts.iter().all(|(_, k)| *k == FigureKind::Date),
        "{texts:?}"
    );
    assert_eq!(texts.len(), 4, "{texts:?}");
}

#[test]
fn day_month_year_is_one_date() {
    let (d, f) = run("On 5 May 2024 and 3 Mar 2006 and 2023-03-05 it rained.\n");
    assert_eq!(
        figure(&d, &f, "5 May 2024").date.as_deref(),
        Some("2024-05-05")
    );
    assert_eq!(
        figure(&d, &f, "3 Mar 2006").date.as_deref(),
        Some("2006-03-03")
    );
    assert_eq!(
        figure(&d, &f, "2023-03-05").date.as_deref(),
        Some("2023-03-05")
    );
    assert_eq!(f.figures.len(), 3);
}

#[test]
fn glued_and_abbreviated_units_parse() {
    let (d, f) = run(
        "It flew at 36,000ft for 1,000km at 353knts (353 knots), cost 5bn and £3.2m, had a \
         10-year plan, and it was -5 °C over 12 square miles.\n",
    );
    for (text, value, unit) in [
        ("36,000ft", 36000.0, "ft"),
        ("1,000km", 1000.0, "km"),
        ("353knts", 353.0, "kn"),
        ("353 knots", 353.0, "kn"),
        ("£3.2m", 3.2e6, "GBP"),
        ("10-year", 10.0, "year"),
        ("-5 °C", -5.0, "°C"),
        ("12 square miles", 12.0, "mi²"),
    ] {
        let fig = figure(&d, &f, text);
        assert_eq!((fig.value, fig.unit), (Some(value), Some(unit)), "{text}");
    }
    assert_eq!(figure(&d, &f, "5bn").value, Some(5e9));
    let (m, _, unit) = figure(&d, &f, "36,000ft").metric().unwrap();
    assert_eq!((m, unit), (10972.8, "m"));
    assert_eq!(figure(&d, &f, "1,000km").metric(), None);
}

#[test]
fn durations_and_ages_are_quantities() {
    let (d, f) = run(
        "After two years and 40 minutes, a 73-year-old man, aged 73, and a nine-month-old \
         child had lived 73 years; 1709 children came in 1709.\n",
    );
    for text in [
        "two years",
        "40 minutes",
        "73-year-old",
        "nine-month-old",
        "73 years",
    ] {
        let fig = figure(&d, &f, text);
        assert_eq!(fig.kind, FigureKind::Quantity, "{text}");
    }
    let aged = f
        .figures
        .iter()
        .find(|x| d.text[..x.range.start].ends_with("aged "))
        .unwrap();
    assert_eq!((aged.kind, aged.unit), (FigureKind::Quantity, Some("year")));
    assert_eq!(figure(&d, &f, "1709 children").kind, FigureKind::Count);
    assert_eq!(figure(&d, &f, "1709").kind, FigureKind::Date);
}

#[test]
fn fractions_and_shortest_values() {
    let (d, f) =
        run("More than a third voted for a third term; 0.9% of GDP and 30% of its uranium.\n");
    let third = figure(&d, &f, "a third");
    assert_eq!(third.kind, FigureKind::Count);
    assert_eq!(figure(&d, &f, "third").kind, FigureKind::Ordinal);
    assert_eq!(figure(&d, &f, "0.9%").value, Some(0.009));
    let u = figure(&d, &f, "30%");
    assert_eq!(u.counted.clone().map(|r| &d.text[r]), Some("uranium"));
}

#[test]
fn markdown_lists_and_tables_give_only_real_figures() {
    let md = "# Results\n\n1. First, collect the data.\n2. Second, count it.\n10. Then publish.\n\n\
              | Year | Share | Units |\n|---|---|---|\n| 2023 | 5.2% | 1,200 tonnes |\n| 2024 | 6% | 900 |\n";
    let d = crate::document::load_markdown(md);
    let f = extract(&d);
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(
        texts,
        ["2023", "5.2%", "1,200 tonnes", "2024", "6%", "900"],
        "{:?}",
        d.text
    );
}

#[test]
fn numeric_dates_fractions_codes_and_addresses() {
    let (d, f) = run(
        "News date: 04/21/2022 and 21.04.2022. Add 1/2 tsp of salt and bake for 1 hr 35 mins. \
         Omicron BA.2 spread 24/7. She lives at 201 E. Nine Mile and 10 Downing Street. \
         Joe, age 10, saw the Mariachi Mexico 2020 quartet.\n",
    );
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(
        texts,
        [
            "04/21/2022",
            "21.04.2022",
            "1/2 tsp",
            "1 hr",
            "35 mins",
            "10",
            "2020"
        ]
    );
    assert_eq!(figure(&d, &f, "04/21/2022").kind, FigureKind::Date);
    let tsp = figure(&d, &f, "1/2 tsp");
    assert_eq!(
        (tsp.kind, tsp.value, tsp.unit),
        (FigureKind::Quantity, Some(0.5), Some("tsp"))
    );
    assert_eq!(figure(&d, &f, "35 mins").kind, FigureKind::Quantity);
    let age = figure(&d, &f, "10");
    assert_eq!((age.kind, age.unit), (FigureKind::Quantity, Some("year")));
    assert_eq!(figure(&d, &f, "2020").kind, FigureKind::Date);
}

#[test]
fn times_of_day_abbreviated_months_and_mixed_numbers() {
    let (d, f) = run(
        "We meet on Nov. 9 at 6 pm, from 4am on Saturday 3 October, at 3 a.m. and at 10:08 pm. \
         Add 1 1/4 cups of sugar; no one-size-fits-all rule.\n",
    );
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(
        texts,
        [
            "Nov. 9",
            "6 pm",
            "4am",
            "Saturday 3 October",
            "3 a.m.",
            "10:08 pm",
            "1 1/4 cups"
        ]
    );
    assert_eq!(figure(&d, &f, "6 pm").date.as_deref(), Some("18:00"));
    assert_eq!(figure(&d, &f, "4am").date.as_deref(), Some("04:00"));
    assert_eq!(figure(&d, &f, "10:08 pm").date.as_deref(), Some("22:08"));
    assert_eq!(figure(&d, &f, "Nov. 9").date.as_deref(), Some("--11-09"));
    assert_eq!(figure(&d, &f, "1 1/4 cups").value, Some(1.25));
}

#[test]
fn citations_contents_versions_and_ranges_with_to() {
    let (d, f) = run(
        "It was taught in the First Task.[3] Contents\n• 1 History\n• 2 Effects\n\nSee 1.0 1.1 1.2 and \
         CC BY 2.0 and Python 3.11. Rates were 20.8 to 23.5 percent, warming 1.5 to 2 degrees Celsius; \
         seats rose from 9 to 10.\n",
    );
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(
        texts,
        [
            "20.8 to 23.5 percent",
            "1.5 to 2 degrees Celsius",
            "9",
            "10"
        ]
    );
    let c = figure(&d, &f, "1.5 to 2 degrees Celsius");
    assert_eq!(
        (c.value, c.high, c.unit),
        (Some(1.5), Some(2.0), Some("°C"))
    );
}

#[test]
fn scores_and_named_fractions_are_not_figures() {
    let (d, f) =
        run("After 9/11 the bill passed 52-48 in a 1-0 game; a 5,000-strong force saw 40C heat.\n");
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(texts, ["5,000-strong", "40C"]);
    assert_eq!(figure(&d, &f, "5,000-strong").counted, None);
    assert_eq!(figure(&d, &f, "40C").unit, Some("°C"));
}

#[test]
fn speeds_and_ranges_with_between() {
    let (d, f) = run(
        "Trains reach 250 km/h and 36km/h; it costs between 60 and 80 billion kronor, \
         between 2022 and 2023.\n",
    );
    let texts: Vec<&str> = f.figures.iter().map(|x| &d.text[x.range.clone()]).collect();
    assert_eq!(
        texts,
        [
            "250 km/h",
            "36km/h",
            "60 and 80 billion kronor",
            "2022",
            "2023"
        ]
    );
    assert_eq!(figure(&d, &f, "250 km/h").unit, Some("km/h"));
    let k = figure(&d, &f, "60 and 80 billion kronor");
    assert_eq!(
        (k.kind, k.value, k.high, k.unit),
        (FigureKind::Money, Some(6e10), Some(8e10), Some("SEK"))
    );
}

#[test]
fn the_tail_of_a_hyphenated_name_is_not_a_word_in_small_letters() {
    let d = load_plain(
        "T\n\nCheng Chung-tai won. Leung Yiu-chung lost. The wind blew and the tide turned.\n",
    );
    let p = super::prepare(&d, usize::MAX);
    let at = |w: &str| {
        (0..p.toks.len())
            .find(|&k| p.toks[k].text(p.text) == w)
            .unwrap()
    };
    assert!(!p.lower_seen(at("Chung")));
    // A word used on its own in small letters still counts.
    let d = load_plain("T\n\nWind Chung won. The wind blew.\n");
    let p = super::prepare(&d, usize::MAX);
    let k = (0..p.toks.len())
        .find(|&k| p.toks[k].text(p.text) == "Wind")
        .unwrap();
    assert!(p.lower_seen(k));
}

#[test]
fn a_sentence_with_a_small_letter_verb_is_not_title_case() {
    let (_, f) = run("Probe\n\nHe is at Hebrew University of Jerusalem's Einstein Institute.\n");
    let n = names(&f);
    assert!(
        n.iter()
            .any(|(name, _)| *name == "Hebrew University of Jerusalem"),
        "{n:?}"
    );
}

#[test]
fn a_given_name_that_is_also_a_function_word_begins_a_name_mid_sentence() {
    let d = load_plain(
        "Probe\n\nHe was called up after an injury to Will Middlebrooks and hit leadoff. Middlebrooks said so.\n",
    );
    let keys = candidate_names(&d);
    assert!(keys.iter().any(|k| k == "Will Middlebrooks"), "{keys:?}");
    // At the start of a sentence it is the verb.
    let d = load_plain("Probe\n\nWill Smith come? Nobody knows.\n");
    let keys = candidate_names(&d);
    assert!(!keys.iter().any(|k| k == "Will Smith"), "{keys:?}");
}

#[test]
fn an_ampersand_between_capitals_stays_in_the_name() {
    let d =
        load_plain("Probe\n\nShe studied at Texas A&M University before joining AT&T in Dallas.\n");
    let keys = candidate_names(&d);
    assert!(keys.iter().any(|k| k == "Texas A&M University"), "{keys:?}");
    assert!(keys.iter().any(|k| k == "AT&T"), "{keys:?}");
}

#[test]
fn the_site_name_line_is_not_scanned_for_facts() {
    let body = "<p>Doctors and nurses make many decisions about patient care every day, using consultations, laboratory results and scans of every kind. In the future they will use software to compare these with thousands of other cases and suggest a diagnosis.</p>".repeat(4);
    let html = format!(
        "<html><head><title>Care and machines - Vexora</title><meta property=\"og:site_name\" content=\"Vexora\"></head><body><article><h1>Care and machines</h1>{body}</article></body></html>"
    );
    let d = crate::document::load_as(html.as_bytes(), crate::document::Format::Html, None).unwrap();
    assert_eq!(d.site(), Some("Vexora"), "{:?}", d.blocks);
    let keys = candidate_names(&d);
    assert!(!keys.iter().any(|k| k == "Vexora"), "{keys:?}");
}

/// The distinct candidate names of a document, before classification.
fn candidate_names(d: &Document) -> Vec<String> {
    super::name_features(d)
        .into_iter()
        .map(|n| n.name)
        .collect()
}

/// The names of the context cues of the candidate `name` in `text`.
fn cues_of(text: &str, name: &str) -> Vec<&'static str> {
    let doc = load_plain(text);
    let (_, _, mentions, _) = candidates_of(&doc, usize::MAX);
    let m = mentions
        .iter()
        .find(|m| m.key == name)
        .unwrap_or_else(|| panic!("no candidate {name:?}"));
    cues::CUES
        .iter()
        .enumerate()
        .filter(|(i, _)| m.cue_bits() & (1 << i) != 0)
        .map(|(_, c)| c.name)
        .collect()
}

#[test]
fn citations_name_their_authors() {
    let text = "Attention Training\n\nWorking memory improves with practice (Zorvath & Quellmire, 2010; \
                Brindlecombe, Ostrakova, & Santos, 2012; Heltgard & Turmino 2011). Pexmoor et al. \
                (2015) found the same, and so did Ulgrave (2016).\n";
    let authors = [
        "Zorvath",
        "Quellmire",
        "Brindlecombe",
        "Ostrakova",
        "Santos",
        "Heltgard",
        "Turmino",
        "Pexmoor",
    ];
    for author in authors {
        assert!(cues_of(text, author).contains(&"cited"), "{author}");
    }
    assert!(cues_of(text, "Ulgrave").contains(&"cited_in_text"));
    let (d, f) = run(text);
    for author in authors.into_iter().chain(["Ulgrave"]) {
        assert_eq!(
            entity(&d, &f, author).kind,
            EntityKind::Person,
            "{author}: an author, even one named like a town"
        );
    }
    // Not a list of authors: a place and a date, a name and a count.
    let text = "Floods\n\nThe river rose in Drenmark, 2010 was the wettest year (Velmora \
                2010 houses).\n";
    assert!(!cues_of(text, "Drenmark").contains(&"cited_in_text"));
    assert!(!cues_of(text, "Drenmark").contains(&"cited"));
    assert!(!cues_of(text, "Velmora").contains(&"cited"));
}

#[test]
fn a_citation_in_running_text_counts_where_the_text_cites_in_brackets() {
    // "Name (year)" is also how films are written: alone, it is only a
    // cue the model weighs; the structure rule needs bracketed citations.
    let film = "Films\n\nWe watched Vantorla (1997) on the train.\n";
    assert!(cues_of(film, "Vantorla").contains(&"cited_in_text"));
    let doc = load_plain(film);
    let (p, _, ms, _) = candidates_of(&doc, usize::MAX);
    let keys = classify::Keys::new(&p, &ms);
    let i = (0..keys.len())
        .find(|&i| keys.key(i) == "Vantorla")
        .unwrap();
    let pr = [0.9, 0.05, 0.03, 0.02];
    assert_eq!(
        keys.structure(i, pr),
        pr,
        "no bracketed citation: the model decides"
    );
    let cited = "Films\n\nWe watched Vantorla (1997) on the train, as others did (Kessing, 2001; Druvet, 2003).\n";
    let (d, f) = run(cited);
    assert_eq!(entity(&d, &f, "Vantorla").kind, EntityKind::Person);
}

#[test]
fn a_name_before_its_own_email_address_is_an_entity() {
    let text = "Reading Rooms\n\nMirela Kostadinova mirela.kostadinova@unilib.org\n\n\
                The archive opened its reading rooms to the public.\n";
    assert!(cues_of(text, "Mirela Kostadinova").contains(&"own_email"));
    assert_eq!(
        structure_of(text, "Mirela Kostadinova", [0.9, 0.05, 0.03, 0.02])[0],
        0.0,
        "not an entity is ruled out"
    );
    let (d, f) = run(text);
    assert_eq!(
        entity(&d, &f, "Mirela Kostadinova").kind,
        EntityKind::Person
    );
    // Someone else's address says nothing.
    let other = "Reading Rooms\n\nMirela Kostadinova info@unilib.org\n\nThe archive opened.\n";
    assert!(!cues_of(other, "Mirela Kostadinova").contains(&"own_email"));
}

#[test]
fn only_a_byline_that_says_by_makes_its_words_a_name() {
    let text = "Psychology\n\nLearning Objectives\n\nBy the end of this section, you will be able to describe memory.\n";
    let (_, f) = run(text);
    assert!(f.entities.is_empty(), "{:?}", names(&f));
    let text = "Psychology\n\nQuorvane Objectives\n\nBy the end of this section, you will be able to describe memory.\n";
    let cues = cues_of(text, "Quorvane Objectives");
    assert!(cues.contains(&"byline"), "{cues:?}");
    assert!(!cues.contains(&"byline_by"), "{cues:?}");
    let pr = [0.9, 0.05, 0.03, 0.02];
    assert_eq!(structure_of(text, "Quorvane Objectives", pr), pr);
    let text = "Storm Hits the Coast\n\nBy Zorbek Quintavalle\n\nThe storm reached the coast.\n";
    assert!(cues_of(text, "Zorbek Quintavalle").contains(&"byline_by"));
    assert_eq!(structure_of(text, "Zorbek Quintavalle", pr)[0], 0.0);
}

/// What the document's structure makes of the model's probabilities `pr`
/// for the candidate `name`.
fn structure_of(text: &str, name: &str, pr: [f32; 4]) -> [f32; 4] {
    let doc = load_plain(text);
    let (p, _, ms, _) = candidates_of(&doc, usize::MAX);
    let keys = classify::Keys::new(&p, &ms);
    let i = (0..keys.len())
        .find(|&i| keys.key(i) == name)
        .unwrap_or_else(|| panic!("no candidate {name:?}"));
    keys.structure(i, pr)
}

#[test]
fn an_everyday_word_starting_a_sentence_is_not_a_name() {
    let g = gazetteer::get();
    assert!(g.lower_flags("Knowledge") & gazetteer::LOWER != 0);
    assert!(g.lower_flags("Putin") & gazetteer::LOWER == 0);
    let (_, f) = run("Schools\n\nKnowledge is power, the teacher told the class in Leeds.\n");
    assert_eq!(names(&f), [("Leeds", EntityKind::Place)]);
}

#[test]
fn a_country_named_like_a_person_does_not_start_a_name_in_a_headline() {
    let (_, f) = run(
        "Trade Talks Between Australia and India Resume After a Long Pause\n\n\
         The minister of Australia met officials from India in Canberra on Monday.\n",
    );
    assert!(
        !f.entities.iter().any(|e| e.name.contains("Resume")),
        "{:?}",
        names(&f)
    );
    // Before a surname, such a given name begins a person's name.
    let (d, f) =
        run("Why Jordan Peterson Matters to Readers\n\nThe lecture drew a crowd on Monday.\n");
    assert_eq!(entity(&d, &f, "Jordan Peterson").kind, EntityKind::Person);
}

#[test]
fn affiliation_lines_keep_institutions_and_unknown_names() {
    // Title Case lines under a paper's title: capitals say little there, but
    // a known name of several words, an institution word beside a name and a
    // word never written in small letters still count.
    let d = load_plain(
        "Eye Tracking in the Gallery\n\nAndrew Beresford a.b@durham.ac.uk Durham University, United Kingdom\n\nThierry Poibeau\n\nClara Smith c.smith@port.ac.uk University of Portsmouth, United Kingdom\n\nRosa Diaz r.diaz@port.ac.uk Gallery Studies, Portsmouth\n\nWe tracked the eyes of visitors in the gallery for a year.\n",
    );
    let keys = candidate_names(&d);
    for k in [
        "Durham University",
        "United Kingdom",
        "Thierry Poibeau",
        "University of Portsmouth",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k}: {keys:?}");
    }
    // Everyday words of the title and words also written in small letters
    // ("gallery", in an affiliation line too) are still not names.
    assert!(
        !keys
            .iter()
            .any(|x| x.contains("Gallery") || x.contains("Eye")),
        "{keys:?}"
    );
}

#[test]
fn according_to_takes_an_article() {
    let text = "Exports\n\nAccording to the Tarvel Information Centre, exports rose. \
                According to Imre Valdosz they fell. Prices went to the Tarvel Basin.\n";
    assert!(cues_of(text, "Tarvel Information Centre").contains(&"according_to"));
    assert!(cues_of(text, "Imre Valdosz").contains(&"according_to"));
    let paper = "Exports\n\nExports rose, according to The Tarvel Gazette.\n";
    assert!(cues_of(paper, "Tarvel Gazette").contains(&"according_to"));
    // "to the X" alone is no source.
    assert!(!cues_of(text, "Tarvel Basin").contains(&"according_to"));
}

#[test]
fn a_known_name_holds_its_possessive() {
    let (d, f) = run(
        "Treaty\n\nThe deal was signed by the People's Republic of China and the Democratic \
         People's Republic of Korea, and by Obama's staff.\n",
    );
    let prc = entity(&d, &f, "People's Republic of China");
    assert_eq!(prc.mentions.len(), 1);
    assert_eq!(
        &d.text[prc.mentions[0].clone()],
        "People's Republic of China"
    );
    let dprk = entity(&d, &f, "Democratic People's Republic of Korea");
    assert_eq!(
        &d.text[dprk.mentions[0].clone()],
        "Democratic People's Republic of Korea"
    );
    assert_ne!(dprk.name, "South Korea");
    // An ordinary possessive still ends the name.
    assert_eq!(
        &d.text[entity(&d, &f, "Obama").mentions[0].clone()],
        "Obama"
    );
    // The known name may begin inside the run.
    let d = load_plain(
        "Treaty\n\nShe wrote to the Government of the People's Republic of China and met them in The Hague.\n",
    );
    let keys = candidate_names(&d);
    assert!(
        keys.iter().any(|k| k == "People's Republic of China"),
        "{keys:?}"
    );
    assert!(!keys.iter().any(|k| k == "Republic of China"), "{keys:?}");
    // A capitalized "The" inside a sentence stays in a name.
    assert!(keys.iter().any(|k| k == "The Hague"), "{keys:?}");
}

#[test]
fn small_words_capitalized_by_position_are_not_names() {
    let (_, f) = run(
        "Travel\n\nShe flew from Melbourne, Australia On Saturday, and landed in the U.S. It was \
         late. Currently Halvorsen is a professor. He said, ‘Hey Dorinda, come in.’ The \
         Constitutional Rights Foundation agreed.\n",
    );
    let n = names(&f);
    for bad in [
        "Australia On Saturday",
        "U.S. It",
        "Currently Halvorsen",
        "Hey Dorinda",
    ] {
        assert!(!n.iter().any(|(x, _)| *x == bad), "{bad}: {n:?}");
    }
    for good in [
        "Australia",
        "Halvorsen",
        "Dorinda",
        "Constitutional Rights Foundation",
    ] {
        assert!(n.iter().any(|(x, _)| *x == good), "{good}: {n:?}");
    }
}

#[test]
fn a_listed_organization_beside_countries_stays_an_organization() {
    let (d, f) = run(
        "Trade\n\nThe minister fears sanctions from the United States and the European Union. \
         Brazil and Canada were not consulted.\n",
    );
    assert_eq!(
        entity(&d, &f, "European Union").kind,
        EntityKind::Organization,
        "{:?}",
        names(&f)
    );
    assert_eq!(entity(&d, &f, "United States").kind, EntityKind::Place);
}

#[test]
fn general_is_a_title_only_before_a_given_name() {
    let (_, f) = run(
        "History\n\nIn 1776 General George Washington crossed the river with his army. \
         Decades later, workers at General Motors built cars in Detroit.\n",
    );
    let n = names(&f);
    assert!(
        n.contains(&("George Washington", EntityKind::Person)),
        "{n:?}"
    );
    assert!(
        !n.iter().any(|(x, _)| x.starts_with("General George")),
        "{n:?}"
    );
    assert!(n.iter().any(|(x, _)| *x == "General Motors"), "{n:?}");
}

#[test]
fn facilities_named_by_their_head_word_are_places() {
    let (d, f) = run(
        "Engines\n\nThe orbital engines went to the Dixon Space and Rocket Center in \
         Huntsville, Alabama, and a wing to the Harlan Community Center in Ohio, while the \
         Hollis Research Center kept the nose cap.\n",
    );
    for place in ["Dixon Space and Rocket Center", "Harlan Community Center"] {
        assert_eq!(
            entity(&d, &f, place).kind,
            EntityKind::Place,
            "{place}: {:?}",
            names(&f)
        );
    }
    let (d, f) = run(
        "Stay\n\nWe stayed at the Hafren Hotel in Mukalla, then two nights at the Desert \
         Ridge Resort near Phoenix.\n",
    );
    for place in ["Hafren Hotel", "Desert Ridge Resort"] {
        assert_eq!(
            entity(&d, &f, place).kind,
            EntityKind::Place,
            "{place}: {:?}",
            names(&f)
        );
    }
}

#[test]
fn a_defined_acronym_takes_the_kind_of_the_name_it_stands_for() {
    let (d, f) = run(
        "Launch\n\nThe craft lifted off from the Kennedy Space Center (KSC) in Florida. \
         Many KSC employees watched. KSC workers cheered, and KSC managers spoke to KSC staff.\n",
    );
    let e = entity(&d, &f, "Kennedy Space Center");
    assert_eq!(e.kind, EntityKind::Place, "{:?}", names(&f));
    assert!(e.aliases.iter().any(|a| a == "KSC"), "{:?}", e.aliases);
}

#[test]
fn craft_are_not_entities() {
    let (_, f) = run(
        "Fleet\n\nSpace Shuttle Meridian lifted off from Florida in 1985. Meridian flew \
         twelve missions before the space shuttle Halcyon replaced it; Halcyon is in Ohio. \
         Sailors from the USS Corvallis toured Boston, and Corvallis sailed on. The USS \
         Arizona Memorial honours the crew; a veteran from Arizona spoke. The probe NASA \
         launched in 2006 reached Pluto.\n",
    );
    let n = names(&f);
    for craft in [
        "Space Shuttle Meridian",
        "Meridian",
        "Halcyon",
        "USS Corvallis",
        "Corvallis",
    ] {
        assert!(!n.iter().any(|(x, _)| *x == craft), "{craft}: {n:?}");
    }
    assert!(n.iter().any(|(x, _)| *x == "NASA"), "{n:?}");
    for place in ["Florida", "Ohio", "Boston", "Arizona"] {
        assert!(n.contains(&(place, EntityKind::Place)), "{place}: {n:?}");
    }
}

#[test]
fn letters_after_a_name_between_commas_are_a_rank() {
    let (_, f) = run(
        "Court\n\nFor the defence, Daniel Moreau, QC, said the parents had acted in good faith. \
         The prosecutor, Helen Ashcombe, SC, disagreed. The couple later moved to Columbia, SC, \
         then to Virginia Beach, VA, and then to Ottawa.\n",
    );
    let n = names(&f);
    assert!(!n.iter().any(|(x, _)| *x == "QC"), "{n:?}");
    assert!(n.contains(&("Daniel Moreau", EntityKind::Person)), "{n:?}");
    assert!(n.contains(&("Helen Ashcombe", EntityKind::Person)), "{n:?}");
    // After a place, the letters are its state.
    assert!(
        n.iter().any(|(x, _)| *x == "SC" || *x == "South Carolina"),
        "{n:?}"
    );
    assert!(
        n.iter().any(|(x, _)| *x == "VA" || *x == "Virginia"),
        "{n:?}"
    );
}

#[test]
fn an_ampersand_before_the_head_of_an_of_phrase_stays_in_the_name() {
    let d = load_plain(
        "Exhibits\n\nA trainer went to the Harwood Aviation & Space Museum of Dalton, Oregon, \
         and a tyre to the Ridley Science & Industry Museum. Evercore and Bank of America \
         advised the buyer.\n",
    );
    let keys = candidate_names(&d);
    assert!(
        keys.iter()
            .any(|k| k == "Harwood Aviation & Space Museum of Dalton"),
        "{keys:?}"
    );
    assert!(!keys.iter().any(|k| k == "Harwood Aviation"), "{keys:?}");
    assert!(
        keys.iter().any(|k| k == "Ridley Science & Industry Museum"),
        "{keys:?}"
    );
    assert!(keys.iter().any(|k| k == "Bank of America"), "{keys:?}");
}

#[test]
fn adjectives_made_from_names_are_not_names() {
    let d = load_plain(
        "Essays\n\nThe essay has a strong Hegelian colour and an Aristotelian structure. It \
         speaks of South-Eastern European trade and Anglo-American ties. Later Adrian Hale \
         visited Dorian Gray in Vienna. The Guardian reported it, and Ohanian said so.\n",
    );
    let keys = candidate_names(&d);
    for adj in [
        "Hegelian",
        "Victorian",
        "South-Eastern European",
        "Anglo-American",
    ] {
        assert!(!keys.iter().any(|k| k == adj), "{adj}: {keys:?}");
    }
    for name in [
        "Adrian Hale",
        "Dorian Gray",
        "Vienna",
        "Guardian",
        "Ohanian",
    ] {
        assert!(keys.iter().any(|k| k == name), "{name}: {keys:?}");
    }
}

#[test]
fn the_abbreviation_of_a_number_ends_a_name() {
    let d = load_plain(
        "Masons\n\nHe was initiated at Harlow Lodge No. 8 in 1789 and heard Symphony No. 5 \
         in Vienna.\n",
    );
    let keys = candidate_names(&d);
    assert!(keys.iter().any(|k| k == "Harlow Lodge"), "{keys:?}");
    assert!(!keys.iter().any(|k| k.ends_with("No")), "{keys:?}");
}

#[test]
fn places_paired_by_a_hyphen_are_no_name() {
    let d = load_plain(
        "Trade\n\nThe US-India agreement and China-Russia ties were discussed in Paris, as was \
         the economy of Guinea-Bissau. Austria-Hungary collapsed in 1918.\n",
    );
    let keys = candidate_names(&d);
    for pair in ["US-India", "China-Russia"] {
        assert!(!keys.iter().any(|k| k == pair), "{pair}: {keys:?}");
    }
    assert!(keys.iter().any(|k| k == "Guinea-Bissau"), "{keys:?}");
    assert!(keys.iter().any(|k| k == "Austria-Hungary"), "{keys:?}");
    assert!(keys.iter().any(|k| k == "Paris"), "{keys:?}");
}

#[test]
fn an_acronym_after_a_person_and_of_is_an_affiliation() {
    let (d, f) = run(
        "Count\n\nThe seat went to Margaret Okafor of the Green Party, while Thomas Walsh of \
         KPW and Alan Briggs of RMT lost their deposits. PFW's Li Wenjun came third, ahead of \
         Anna Berg of NSW.\n",
    );
    for acronym in ["KPW", "RMT", "PFW"] {
        assert_eq!(
            entity(&d, &f, acronym).kind,
            EntityKind::Organization,
            "{acronym}: {:?}",
            names(&f)
        );
    }
    // The model still says whether the acronym is a body or a place.
    assert_eq!(
        entity(&d, &f, "NSW").kind,
        EntityKind::Place,
        "{:?}",
        names(&f)
    );
    assert_eq!(entity(&d, &f, "Li Wenjun").kind, EntityKind::Person);
}

#[test]
fn given_names_from_around_the_world_make_people() {
    // None of these given names is in the US Census list.
    let (d, f) = run("Count\n\nThe seat went to Tomasz Wielgus of the Civic Coalition.\n");
    assert_eq!(
        entity(&d, &f, "Tomasz Wielgus").kind,
        EntityKind::Person,
        "{:?}",
        names(&f)
    );
    let g = gazetteer::get();
    assert!(g.lookup("Tomasz").has(gazetteer::FORENAME));
    assert!(!g.lookup("Tomasz").has(gazetteer::GIVEN));
    // Everyday words are left out of the list.
    assert!(!g.lookup("Poppy").has(gazetteer::FORENAME));
}

#[test]
fn a_weekday_after_a_place_is_not_part_of_its_name() {
    let d = load_plain(
        "Protests\n\nThousands marched in Lisbon Tuesday, and a bus crashed near Kendal, \
         Cumbria Sunday. Sheffield Wednesday won again.\n",
    );
    let keys = candidate_names(&d);
    for name in ["Lisbon", "Cumbria", "Sheffield Wednesday"] {
        assert!(keys.iter().any(|k| k == name), "{name}: {keys:?}");
    }
    assert!(
        !keys
            .iter()
            .any(|k| k == "Lisbon Tuesday" || k == "Cumbria Sunday"),
        "{keys:?}"
    );
}

#[test]
fn a_common_noun_before_a_name_says_its_kind() {
    let text = "Trip\n\nThey walked to the village of Kandoreni, where the rapper Velnox was \
                filming. Later the company Trelvio bought the land, and the party of Ostrava \
                Perrin met county Sheriff Dale Orwen.\n";
    let cues = |name: &str| -> Vec<&str> {
        cues_of(text, name)
            .into_iter()
            .filter(|c| c.ends_with("_noun_before"))
            .collect()
    };
    assert_eq!(cues("Kandoreni"), ["place_noun_before"]);
    assert_eq!(cues("Velnox"), ["person_noun_before"]);
    assert_eq!(cues("Trelvio"), ["org_noun_before"]);
    // Only a place noun reaches across "of"; a noun before a title
    // qualifies the title.
    assert!(cues("Ostrava Perrin").is_empty());
    assert!(cues("Dale Orwen").is_empty());
}

#[test]
fn a_people_before_a_name_is_not_part_of_it() {
    let d = load_plain(
        "Service\n\nThe Swedes Jens Holm and Erik Berg served too, as did the Croats Ivan \
         Horvat and Ana Kovac. Scot Peterson testified.\n",
    );
    let keys = candidate_names(&d);
    for name in ["Jens Holm", "Ivan Horvat", "Scot Peterson"] {
        assert!(keys.iter().any(|k| k == name), "{name}: {keys:?}");
    }
    assert!(
        !keys
            .iter()
            .any(|k| k.starts_with("Swedes") || k.starts_with("Croats")),
        "{keys:?}"
    );
}

#[test]
fn and_the_before_an_of_phrase_begins_a_second_name() {
    let d = load_plain(
        "Visits\n\nThe Institute of Physics and the Church of England met the Department of \
         Health and the Faculty of Arts and Humanities.\n",
    );
    let keys = candidate_names(&d);
    for name in [
        "Institute of Physics",
        "Church of England",
        "Department of Health",
        "Faculty of Arts and Humanities",
    ] {
        assert!(keys.iter().any(|k| k == name), "{name}: {keys:?}");
    }
}

#[test]
fn a_field_of_study_is_marked() {
    let text = "Bio\n\nShe holds a degree in Marine Biology and studied Applied Statistics, \
                then worked in Lisbon.\n";
    let has = |name: &str| cues_of(text, name).contains(&"field_of_study");
    assert!(has("Marine Biology"));
    assert!(has("Applied Statistics"));
    assert!(!has("Lisbon"));
}
