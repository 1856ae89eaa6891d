//! factlens: a terminal article reader that shows the facts an article is made of.
//!
//! The core (`document`, `extract`, `layout`, `index`, `summary`) knows
//! nothing of the terminal; `app` is a state machine driven by `Action`s;
//! `ui` only draws; `runner` owns the loop and performs the effects;
//! `input` reads files, standard input and URLs. `tests/architecture.rs`
//! checks that the modules depend on each other in this one direction.

pub mod app;
pub mod cli;
pub mod config;
pub mod document;
pub mod explain;
pub mod extract;
pub mod fetch;
pub mod index;
pub mod input;
pub mod json;
pub mod keymap;
pub mod layout;
pub mod output;
pub mod progressive;
pub mod runner;
pub mod state;
pub mod summary;
pub mod terminal;
pub mod theme;
pub mod ui;
