use super::*;
use crate::document::load_plain;

fn facts(s: &str) -> (Document, Facts) {
    let d = load_plain(s);
    let f = extract(&d);
    (d, f)
}

#[test]
fn smoke() {
    let (d, f) = facts(
        "Vladimir Putin met Xi Jinping in Beijing. Putin said the U.S. and the European Union (EU) were wrong.\\n",
    );
    for e in &f.entities {
        eprintln!(
            "{:?} {} {:?}",
            e.kind,
            e.name,
            e.mentions
                .iter()
                .map(|m| &d.text[m.clone()])
                .collect::<Vec<_>>()
        );
    }
}
