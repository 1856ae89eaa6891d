//! Maps what the core tags (block kinds, fact kinds, selection) to styles.
//!
//! Styles never rely on colour alone, so they survive `NO_COLOR` and
//! monochrome terminals: facts are underlined (people also bold,
//! organizations also italic), figures bold, the selection reversed, and the
//! current mention reversed, bold and underlined.

use ratatui::style::{Color, Modifier, Style};

use crate::app::Section;
use crate::document::BlockKind;

pub fn block(kind: BlockKind) -> Style {
    match kind {
        BlockKind::Title => Style::new().add_modifier(Modifier::BOLD),
        BlockKind::Heading => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        BlockKind::Byline | BlockKind::Date | BlockKind::ReadingTime => {
            Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
        }
        BlockKind::Chrome => Style::new().add_modifier(Modifier::DIM),
        BlockKind::Paragraph | BlockKind::ListItem => Style::new(),
        BlockKind::Quote => Style::new().add_modifier(Modifier::ITALIC),
        BlockKind::Code => Style::new().fg(Color::Gray),
    }
}

/// A fact in the text, by its sidebar section.
pub fn fact(section: Section) -> Style {
    match section {
        Section::People => Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        Section::Organizations => Style::new()
            .fg(Color::LightMagenta)
            .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
        Section::Places => Style::new()
            .fg(Color::LightGreen)
            .add_modifier(Modifier::UNDERLINED),
        Section::Figures | Section::Dates => Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
    }
}

/// Mentions of the selected fact stand out from the other highlights.
pub fn selected(base: Style) -> Style {
    base.add_modifier(Modifier::REVERSED)
}

/// The mention (or match) jumped to stands out most.
pub fn current() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED)
}

pub fn search_match() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::REVERSED)
}

pub fn status_bar() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn help_key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn scrollbar_thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Where the selected fact's mentions are, on the scrollbar.
pub fn scrollbar_mark(section: Section) -> Style {
    fact(section)
        .remove_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::BOLD)
}

pub fn sidebar_header() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn sidebar_title(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// The sidebar cursor: reversed when the sidebar has focus, else bold.
pub fn sidebar_cursor(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}
