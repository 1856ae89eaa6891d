//! The shape of the code, checked: data flows one way (core → app → ui,
//! with the runner on top), the core knows nothing of the terminal, and
//! neither `app` nor `ui` does I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that must not know the terminal or the shell.
const CORE: &[&str] = &[
    "document", "extract", "layout", "index", "summary", "json", "explain",
];
/// What the core may not name.
const SHELL: &[&str] = &[
    "app", "ui", "runner", "terminal", "theme", "keymap", "config", "cli", "state",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each library module (by its top-level name) with its source files' text.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let name = first.trim_end_matches(".rs").to_string();
        // The binaries sit on top of everything; lib.rs only declares.
        if ["main", "lib", "bin"].contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        modules.entry(name).or_default().push_str(&text);
    }
    modules
}

/// The other top-level modules `text` refers to as `crate::name`.
fn uses(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    text.match_indices("crate::")
        .filter_map(|(i, _)| {
            let rest = &text[i + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            known.contains(name).then(|| name.to_string())
        })
        .collect()
}

/// Code before its `#[cfg(test)]` module: tests may reach further.
fn non_test(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// A path that comes back to where it started, if the graph has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn dfs(
        node: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = dfs(dep, graph, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| dfs(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn modules_depend_on_each_other_in_one_direction() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let graph: Graph = modules
        .iter()
        .map(|(name, text)| {
            let mut deps = uses(non_test(text), &known);
            deps.remove(name);
            (name.clone(), deps)
        })
        .collect();
    if let Some(cycle) = find_cycle(&graph) {
        panic!("modules call in a circle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_core_knows_nothing_of_the_terminal_or_the_shell() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    for &core in CORE {
        let text = non_test(&modules[core]);
        for forbidden in ["ratatui::", "crossterm::"] {
            assert!(!text.contains(forbidden), "{core} uses {forbidden}");
        }
        let shell: Vec<String> = uses(text, &known)
            .into_iter()
            .filter(|m| SHELL.contains(&m.as_str()))
            .collect();
        assert!(shell.is_empty(), "{core} depends on {shell:?}");
    }
}

#[test]
fn app_and_ui_do_no_io_and_app_does_not_draw() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    for name in ["app", "ui"] {
        let text = non_test(&modules[name]);
        for io in [
            "std::fs",
            "std::thread",
            "std::net",
            "std::process",
            "crossterm",
        ] {
            assert!(!text.contains(io), "{name} uses {io}");
        }
        for module in [
            "runner",
            "terminal",
            "input",
            "fetch",
            "state",
            "progressive",
        ] {
            assert!(
                !uses(text, &known).contains(module),
                "{name} depends on {module}"
            );
        }
    }
    assert!(
        !uses(non_test(&modules["app"]), &known).contains("ui"),
        "app depends on ui"
    );
}

#[test]
fn the_checks_can_fail() {
    let known: BTreeSet<String> = ["app", "ui"].map(String::from).into();
    assert_eq!(
        uses(
            "use crate::app::App; crate::ui::draw(f, a); crate::other",
            &known
        ),
        known
    );
    assert_eq!(
        non_test("fn a() {}\n#[cfg(test)]\nmod tests { crate::ui }"),
        "fn a() {}\n"
    );
    let edge = |a: &str, b: &str| (a.to_string(), BTreeSet::from([b.to_string()]));
    let circle: Graph = [edge("app", "theme"), edge("theme", "app")].into();
    assert_eq!(
        find_cycle(&circle),
        Some(vec!["app".into(), "theme".into(), "app".into()])
    );
    let line: Graph = [edge("ui", "app"), edge("app", "index")].into();
    assert_eq!(find_cycle(&line), None);
}
