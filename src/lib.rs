//! factlens: a terminal article reader that shows the facts an article is made of.
//!
//! The core (`document`, `extract`, `layout`) knows nothing of the terminal;
//! `app` is a state machine driven by `Action`s; `ui` only draws.

pub mod app;
pub mod cli;
pub mod config;
pub mod document;
pub mod explain;
pub mod extract;
pub mod fetch;
pub mod json;
pub mod keymap;
pub mod layout;
pub mod progressive;
pub mod state;
pub mod theme;
pub mod ui;
